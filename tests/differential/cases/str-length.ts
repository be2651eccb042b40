const a = "hello";
const b = "";
const c = "a b\tc\nd";
console.log(a.length);
console.log(b.length);
console.log(c.length);
console.log("x".repeat(5).length);
console.log(`${a} has ${a.length} chars`);
const d = a + b + c;
console.log(d.length === a.length + c.length);
console.log(d.length, "bytes");
let total = 0;
const words = ["alpha", "be", "", "gamma delta"];
for (const w of words) {
  total += w.length;
}
console.log(`total=${total}`);
