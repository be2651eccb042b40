const a = "*";
const b = "$(reboot)";
const c = "`x`";
const d = "\\";
const e = "%s";
console.log(`${a}${b}${c}${d}${e}`);
console.log(`pre ${a} mid ${b} post`);
console.log(`$HOME \$(not) \` ${d}n`);
console.log(`${"-n"}`);
console.log(`${"-e"} ${"\\c"}`);
const t = `multi
line
template`;
console.log(t);
console.log(t.split("\n").length);
