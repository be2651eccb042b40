const names = ["alpha", "beta", "gamma"];
for (const n of names) {
  console.log(n);
}
let idx = 0;
for (const n of names) {
  if (n === "beta") {
    continue;
  }
  console.log(`${idx}:${n}`);
  idx++;
}
for (const n of names) {
  if (n.startsWith("b")) {
    console.log(`first b: ${n}`);
    break;
  }
}
for (const x of [3, 1, 2]) {
  console.log(x * 10);
}
const none: string[] = [];
for (const n of none) {
  console.log(`never ${n}`);
}
for (let n of names) {
  n = n + "!";
  console.log(n);
}
