const a = "two  spaces";
const b = "  leading";
const c = "trailing  ";
const d = "   ";
console.log(a);
console.log(b);
console.log(c + "|");
console.log(`[${d}]`);
const all = [a, b, c, d];
console.log(all.join("|"));
console.log(all.length, a.length, d.length);
let s = "";
for (const x of all) {
  s += `<${x}>`;
}
console.log(s);
console.log(a.split(" ").length, a.split(" ").join("_"));
