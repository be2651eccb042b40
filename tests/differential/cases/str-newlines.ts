const s = "line1\nline2\n\nline4\n";
console.log(s.length);
const lines = s.split("\n");
console.log(lines.length);
let i = 0;
for (const l of lines) {
  console.log(`${i}: [${l}]`);
  i++;
}
console.log(lines.join("|"));
const nl = "\n\n\n";
console.log(nl.length);
console.log(`[${nl}]`);
console.log("a\nb".indexOf("\n"));
