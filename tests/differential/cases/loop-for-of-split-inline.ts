// for…of over split by a literal: empty fields, separators at the ends, hostile separators,
// continue and break, nested splits, recursion — the same fields as JS's split gives.
function fields(text: string, label: string): string {
  const out: string[] = [];
  for (const f of text.split(",")) out.push(`<${f}>`);
  return `${label}: ${out.join("")}`;
}
console.log(fields("a,b,c", "plain"));
console.log(fields("", "empty"));
console.log(fields(",", "one sep"));
console.log(fields(",a,,b,", "edges"));
console.log(fields("no sep", "none"));
const hostile = ["*", "'", "\\", "}", "$", "ab", "-", "\n", " ", "?", "[x]", '"'];
for (const sep of hostile) {
  const text = `x${sep}${sep}y${sep}*${sep}`;
  const seen: string[] = [];
  switch (sep) {
    case "*":
      for (const f of text.split("*")) seen.push(f);
      break;
    case "'":
      for (const f of text.split("'")) seen.push(f);
      break;
    case "\\":
      for (const f of text.split("\\")) seen.push(f);
      break;
    case "}":
      for (const f of text.split("}")) seen.push(f);
      break;
    case "$":
      for (const f of text.split("$")) seen.push(f);
      break;
    case "ab":
      for (const f of text.split("ab")) seen.push(f);
      break;
    case "-":
      for (const f of text.split("-")) seen.push(f);
      break;
    case "\n":
      for (const f of text.split("\n")) seen.push(f);
      break;
    case " ":
      for (const f of text.split(" ")) seen.push(f);
      break;
    case "?":
      for (const f of text.split("?")) seen.push(f);
      break;
    case "[x]":
      for (const f of text.split("[x]")) seen.push(f);
      break;
    default:
      for (const f of text.split('"')) seen.push(f);
  }
  console.log(sep.length, seen.length, seen.join("|"));
}
let kept = "";
for (const word of "keep skip keep stop keep".split(" ")) {
  if (word === "skip") continue;
  if (word === "stop") break;
  kept += word + ";";
}
console.log(kept);
let grid = "";
for (const row of "1 2;3 4;5".split(";")) {
  for (const cell of row.split(" ")) grid += `[${cell}]`;
  grid += "/";
}
console.log(grid);
function depth(list: string, n: number): number {
  let total = 0;
  for (const part of list.split("+")) {
    total += part.length;
    if (n > 0) total += depth(part + "+x", n - 1);
  }
  return total;
}
console.log(depth("ab+c", 2));
let s = "a-b-c";
for (let part of s.split("-")) {
  s = "changed";
  part = part + "!";
  console.log(`${part} ${s}`);
}
