const parts: string[] = [];
parts.push("one two");
parts.push(" leading");
parts.push("trailing ");
parts.push("tab\there");
parts.push("new\nline");
parts.push("");
parts.push("*");
console.log(parts.length);
let n = 0;
for (const p of parts) {
  n++;
  console.log(`${n}:<${p}>`);
}
console.log(parts.includes(" leading"), parts.includes("leading"), parts.includes("one"));
console.log(parts[3]);
console.log(parts[4]);
console.log(parts.join("|"));
