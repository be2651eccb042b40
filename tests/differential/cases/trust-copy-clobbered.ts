// Temporaries that copy a value, with calls in between that change the source or the register.
let g = "a";
function bump(): string {
  g = g + "!";
  return "x";
}
console.log(`${g} ${bump()} ${g}`);
const s = g + bump() + g;
console.log(s);

function twice(n: number): number {
  return n * 2;
}
console.log(twice(1) + twice(2) * twice(3));
const r = twice(3);
const t = twice(4);
console.log(`${r} ${t} ${r + t}`);

interface Pair {
  a: string;
  b: string;
}
function mk(x: string): Pair {
  return { a: x, b: x + x };
}
let counter = 0;
function tick(): number {
  counter++;
  return counter;
}
const p = mk("1");
const q = mk("2");
console.log(`${p.a} ${p.b} ${q.a} ${q.b}`);
const n = counter + tick() + counter;
console.log(n);
let k = 5;
function setK(v: number): number {
  k = v;
  return 0;
}
console.log(k + setK(7) + k);
console.log(k);
const arr = ["x", "y"];
console.log(`${arr.length} ${arr.join("-")} ${arr.length} ${arr.push("z")} ${arr.length}`);
let label = "old";
function relabel(): Pair {
  label = "new";
  return { a: label, b: "b" };
}
const before = label;
const fresh = relabel();
console.log(`${before} ${fresh.a} ${fresh.b} ${label}`);
