function echo3(a: string, b: string, c: string): string {
  return `${a}|${b}|${c}`;
}
function len(s: string): number {
  return s.length;
}
console.log(echo3("*", "$(reboot)", "-n"));
console.log(echo3("", "", ""));
console.log(echo3("a b", "c\nd", "\\"));
console.log(echo3("%s", "`x`", "'\""));
console.log(len("*"), len(""), len("a b c"), len("\n"), len("$HOME"));
function passthrough(s: string): string {
  return s;
}
const vals = ["*", "?", "-e", "$IFS", " ", "", "\t", "~", "#", "a;b"];
for (const v of vals) {
  console.log(`[${passthrough(v)}] ${passthrough(v) === v}`);
}
