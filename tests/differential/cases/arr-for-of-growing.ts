const xs = [1, 2];
let seen = "";
for (const x of xs) {
  seen += String(x);
  if (xs.length < 6) {
    xs.push(x * 10);
  }
}
console.log(seen);
console.log(xs.join(","));
let ys = ["a", "b"];
let out = "";
for (const y of ys) {
  out += y;
  ys = ["z"];
}
console.log(`${out} ${ys.join("")}`);
