// `const x = f(); if (x === undefined) stop()`: the guard tests f's result before the copy
// (passes/guards.ts), only where nothing after the guard could see x unset.
function find(words: string[], key: string): string | undefined {
  let found: string | undefined;
  for (const w of words) if (w.startsWith(`${key}=`)) found = w.slice(key.length + 1);
  return found;
}
function fail(message: string): never {
  console.error(message);
  process.exit(3);
}
let last: string | undefined;
function keep(words: string[], key: string): number {
  last = find(words, key);
  if (last === undefined) return 0; // a return: the caller reads last, unset
  return last.length;
}
const words = ["a=1", "b=", "c=x y", "a=two"];
function report(key: string): void {
  const n = keep(words, key);
  const now: string | undefined = last;
  console.log(n, now ?? "unset");
}
report("a");
report("zz");

// In a loop, a guard that breaks: the variable is read after the loop, unset.
let seen: string | undefined = "before";
for (const key of ["a", "b", "q", "c"]) {
  seen = find(words, key);
  if (seen === undefined) break;
  console.log(`${key} -> [${seen}]`);
}
console.log(`after loop: ${seen ?? "unset"}`);

// Guards that stop the script: exit, and a function that never returns.
const a = find(words, "a");
if (a === undefined) {
  console.log("no a");
  process.exit(1);
}
console.log(`a is ${a}`);
const b = find(words, "b");
if (b === undefined) fail("no b");
console.log(`b is [${b}]`);
const c = find(words, "c");
if (c === undefined) {
  console.error("no c");
  process.exit(2);
}
console.log(`c is ${c}`);
const d = find(words, "d");
if (d === undefined) fail(`no d (${c}, ${a})`);
console.log("not reached", d);
