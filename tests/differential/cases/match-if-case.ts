// if-chains testing one string against patterns become `case`: every pattern must match
// itself only (glob characters, quotes, backslashes), arms in order, negation, else.
function kind(word: string): string {
  if (word.startsWith("root=")) return "root";
  else if (word === "quiet" || word === "debug") return "flag";
  else if (word.endsWith(".ko")) return "module";
  else if (word.includes("*")) return "star";
  else if (word.startsWith("[") || word.endsWith("?")) return "glob-ish";
  else if (word === "") return "empty";
  return "other";
}
for (const w of ["root=/dev/sda", "quiet", "debug", "x.ko", "a*b", "[x]", "why?", "", "rootfs", "*", "?", "\\", "'\"", "$(id)", "-n", "root"]) {
  console.log(`[${w}] ${kind(w)}`);
}

function check(s: string, p: string): string {
  let out = "";
  if (s.startsWith(p)) out += "S";
  if (!s.endsWith(p)) out += "e";
  else out += "E";
  if (s.includes(p)) {
    out += "I";
  } else if (s === p) {
    out += "unreachable";
  } else {
    out += "i";
  }
  if (!(s === p || s === p + p)) out += "n";
  return out;
}
const hostile = ["", "*", "?", "[a]", "a", "\\", "\\\\", "'", '"', "$x", "`id`", "-e", " ", "\n", "a*", "*a"];
for (const s of hostile) {
  const row: string[] = [];
  for (const p of hostile) row.push(check(s, p));
  console.log(row.join(","));
}

interface Dev {
  name: string;
  path: string;
}
function describe(d: Dev): string {
  if (d.path.startsWith("/dev/md")) return `${d.name} raid`;
  else if (d.path.endsWith("]") || d.path === "*") return `${d.name} odd`;
  return `${d.name} disk`;
}
console.log(describe({ name: "sda", path: "/dev/sda" }));
console.log(describe({ name: "md0", path: "/dev/md/0" }));
console.log(describe({ name: "*", path: "/dev/[x]" }));
console.log(describe({ name: "?", path: "*" }));

let state = "a";
for (let i = 0; i < 4; i++) {
  if (state === "a") state = "b";
  else if (state === "b") state = "c";
  else state = "a";
  console.log(i, state);
}
const mode: string = "x";
if (mode !== "y") console.log("not y");
if (!mode.startsWith("x")) console.log("wrong");
else console.log("starts with x");
// Arms an earlier pattern always takes (dead in JS too) and the empty pattern, which matches all.
function dead(w: string): string {
  if (w.startsWith("ro")) return "ro";
  else if (w.startsWith("root=")) return "never";
  else if (w.includes("")) return "anything";
  return "unreachable";
}
console.log(`${dead("root=x")} ${dead("x")} ${dead("")}`);
