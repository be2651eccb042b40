function withNl(s: string): string {
  return s + "\n\n";
}
function id(s: string): string {
  return s;
}
const a = withNl("text");
console.log(`[${a}]`);
console.log(a.length);
const b = id("\n\n\n");
console.log(b.length);
console.log(`[${id("x\n")}]`);
console.log(id("").length, id("\n").length);
const parts = "a\n\n".split("\n");
console.log(parts.length);
const joined = ["end", "", ""].join("\n");
console.log(joined.length, `[${joined}]`);
console.log("::", `[${"tail\n".slice(0)}]`, "tail\n".slice(-1) === "\n");
