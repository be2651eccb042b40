// A function typed to return a value whose every path ends in a never call: what follows a
// call to it never runs (and is left out). Patterns built from pieces are quoted as one.
function die(msg: string): never {
  console.error(msg);
  process.exit(3);
}
const check = (p: string): number | undefined => {
  if (p.startsWith("!" + "x")) die(`bang ${p}`);
  else if (p === "[" + "]") return 1;
  die(`other ${p}`);
};
console.log(check("[]"));
for (const p of ["[]", "!y", "!xz"]) {
  if (p === "!y") continue;
  check(p);
  console.log(`after check ${p}`);
}
console.log("not reached");
