const raw = "  alpha, beta ,gamma  ";
const cleaned = raw.trim().split(",");
console.log(cleaned.length);
const out: string[] = [];
for (const p of cleaned) {
  out.push(p.trim().replace("a", "A"));
}
console.log(out.join(";"));
console.log(raw.trim().slice(0, 5).repeat(2));
console.log(raw.replaceAll(" ", "").split(",").join("+"));
console.log(raw.trimStart().indexOf("beta"));
console.log("x-y-z".split("-").join("").length);
