// for-of over array literals: elements computed first, left to right; break and continue.
let g = "a";
function bump(): string {
  g = g + "b";
  return "<" + g + ">";
}
for (const v of [g, bump(), g, "", " two words ", "*", "$HOME", "-n"]) {
  console.log(`[${v}]`);
}
for (const n of [1, 2 + 3, -4, 0]) {
  console.log(n * 2);
}
for (const b of [true, false, 1 < 2]) {
  console.log(b ? "yes" : "no");
}
const seen: string[] = [];
for (const kind of ["UUID", "LABEL", "PARTUUID", "PARTLABEL"]) {
  if (kind === "LABEL") continue;
  if (kind === "PARTLABEL") break;
  seen.push(kind);
}
console.log(seen.join(","));
let out = "";
for (const outer of ["x", "y", "z"]) {
  for (const inner of [1, 2, 3]) {
    if (inner === 2) continue;
    if (outer === "y") break;
    out += outer + inner;
  }
  switch (outer) {
    case "x":
      out += "|";
      continue;
    case "z":
      break;
    default:
      out += "-";
  }
  out += ".";
}
console.log(out);
let sw = "";
for (const word of ["a", "stop", "b", "skip", "c"]) {
  switch (word) {
    case "skip":
      continue;
    case "stop":
      sw += "S";
      break;
    default:
      sw += word;
      if (word === "c") break;
      sw += "+";
  }
  sw += ";";
}
console.log(sw);
function find(spec: string): string {
  for (const prefix of ["UUID=", "LABEL="]) {
    if (spec.startsWith(prefix)) return prefix + "->" + spec.slice(prefix.length);
  }
  return "path:" + spec;
}
console.log(`${find("LABEL=root")} ${find("UUID=1-2")} ${find("/dev/sda")}`);
function depth(n: number): string {
  if (n === 0) return "";
  let acc = "";
  for (const c of ["<", String(n), ">"]) {
    acc += c;
    if (c === String(n)) acc += depth(n - 1);
  }
  return acc;
}
console.log(depth(3));
const grow = ["p"];
for (const v of ["q", "r"]) {
  grow.push(v + grow.length);
}
console.log(grow.join(" "));
let vary = "1";
for (const v of [vary, vary + "2"]) {
  vary = v + "!";
  console.log(`${v} ${vary}`);
}
function twice(n: number): number {
  return n * 2;
}
for (const v of [twice(1), twice(2), twice(3) + twice(4)]) {
  console.log(v);
}
for (const s of [bump(), bump()]) {
  console.log(s);
}
