// for…of over split: break and continue inside a switch, an unused loop variable, nested walks.
let out = "";
for (const w of "a,b,stop,c".split(",")) {
  switch (w) {
    case "a":
      out += "A";
      break;
    case "b":
      out += "B";
      continue;
    case "stop":
      out += "!";
      break;
    default:
      out += w;
  }
  if (w === "stop") break;
  out += ".";
}
console.log(out);
function count(s: string): number {
  let n = 0;
  for (const _ of s.split("--")) n++;
  return n;
}
console.log(count(""), count("--"), count("a--b--"), count("a---b"));
let nested = 0;
for (const a of "1 2 3".split(" ")) {
  for (const b of "x y".split(" ")) {
    if (b === "y") continue;
    nested += Number(a);
  }
}
console.log(nested);
