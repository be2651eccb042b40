// Every line starts with fixed text or a number, so where printf is no builtin (posh, mksh)
// the stand-in only doubles backslashes (compiler/runtime/sh/print.sh, printf-nodash).
const texts = ["-n", "-e", "\\n", "a\\tb", "\\", "\\\\", "-", "--", "\\c", "-E \\0101", "", " -n"];
for (const t of texts) {
  console.log(`text: ${t}`);
  console.log("joined", t, t);
  console.error(`[${t}]`);
}
const n = -5;
console.log(n, texts[0] ?? "");
console.log(`${n * 2}${texts[2] ?? ""}`);
console.log(-1 + 0, "-n");
console.log(false, texts[1] ?? "");
console.log(`${""}${""}ok ${texts[3] ?? ""}`);
