const a = ["a b", "", "c,d", " ", "e"];
console.log(a.length);
console.log(a.join("|"));
console.log(a.join(","));
let i = 0;
for (const s of a) {
  console.log(`${i}=[${s}]`);
  i++;
}
console.log(a.includes(" "), a.includes("a"), a.includes("c,d"));
const b = "x,,y,".split(",");
b.push("");
console.log(b.length, `[${b.join("/")}]`);
