const flags = ["-n", "-e", "-E", "-ne", "--", "-", "-neE", "--help", "-n -e"];
for (const f of flags) {
  console.log(f);
}
for (const f of flags) {
  console.error(f);
}
console.log(flags.join(" "));
console.log((flags[0] ?? "") + (flags[1] ?? ""));
const n = "-n";
console.log(`${n}`);
console.log("-n", "x", n);
console.log("-e", "\\c");
console.log(n.length, n.slice(1), n.startsWith("-"));
