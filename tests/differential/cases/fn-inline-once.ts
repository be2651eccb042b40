// Record makers called from one place are written in place (lower/analyses/inline.ts).
let calls = 0;
function note(tag: string): string {
  calls++;
  console.log(`note(${tag}) call ${calls}`);
  return `${tag}${calls}`;
}

// A record maker with defaults, in a loop: missing, passed, and passed undefined.
interface Service {
  name: string;
  priority: number;
  enabled: boolean;
}
function service(name: string, priority: number = 50, enabled: boolean = true): Service {
  return { name, priority, enabled };
}
const names = ["udevd", "sshd", "getty"];
for (let i = 0; i < names.length; i++) {
  const s = service(names[i] ?? "", (i + 1) * 10, names[i] !== "sshd");
  console.log(`${s.name} ${s.priority} ${s.enabled}`);
}
interface Triple {
  a: string;
  b: number;
  c: string;
}
function withDefaults(a: string, b: number = a.length, c?: string): Triple {
  return { a, b, c: c ?? "none" };
}
const t = withDefaults("four");
console.log(`${t.a}/${t.b}/${t.c}`);
interface Box {
  x: string;
}
let maybe: string | undefined;
if (calls > 100) maybe = "set";
function fallback(x: string = "default"): Box {
  return { x: `[${x}]` };
}
console.log(fallback(maybe).x);
maybe = "given";
function fallbackTwo(x: string = "default"): Box {
  return { x: `[${x}]` };
}
console.log(fallbackTwo(maybe).x);
const fallbackThree = (x: string = "default"): Box => ({ x: `[${x}]` });
console.log(fallbackThree(undefined).x);

// Arguments are evaluated in order, once each, before the body; a parameter read twice is read once.
interface Pair {
  first: string;
  second: string;
}
const twice = (a: string, b: string): Pair => ({ first: `${a}${b}`, second: `${b}${a}${a}` });
const p = twice(note("x"), note("y"));
console.log(`${p.first} ${p.second} ${calls}`);
// The fields are computed in order too, and a field may call a function.
function counted(tag: string): Pair {
  return { first: note(tag), second: `${note(tag)}!` };
}
const q = counted("z");
console.log(`${q.second} ${q.first}`);

// Parameters named like the caller's variables (and like the record's fields), hostile text.
const word = "caller's word";
function wrap(word: string, first: string): Pair {
  return { first: word, second: first };
}
for (const w of ["root=/dev/sda1", "a b  *  \\n $HOME `id`", "", "-n"]) {
  const r = wrap(w, word);
  console.log(`[${r.first}] [${r.second}]`);
}
console.log(word);

// Optional fields, and narrowing inside the written-in-place body.
interface Maybe {
  value?: string;
  length: number;
}
function measure(s: string | undefined): Maybe {
  return { value: s, length: s === undefined ? -1 : s.length };
}
const m1 = measure(maybe);
console.log(`${m1.value ?? "unset"} ${m1.length}`);
maybe = undefined;
function measureAgain(s: string | undefined): Maybe {
  return { value: s, length: s === undefined ? -1 : s.length };
}
const m2 = measureAgain(maybe);
console.log(`${m2.value ?? "unset"} ${m2.length}`);

// One written-in-place maker calling another; one called from a recursive function.
interface Point {
  x: number;
  y: number;
}
const point = (x: number, y: number): Point => ({ x, y });
const shifted = (dx: number): Point => ({ x: point(dx, 0).x + 1, y: 2 });
const sp = shifted(3);
console.log(sp.x, sp.y);
function level(d: number): Point {
  return { x: d, y: d * d };
}
function recurse(d: number): string {
  if (d === 0) return "bottom";
  const here = level(d);
  const below = recurse(d - 1);
  return `${here.x}:${here.y} > ${below}`;
}
console.log(recurse(3));

// Not written in place: called twice, recursive, more than one statement, nested in a function.
function pair(a: string): Pair {
  return { first: a, second: a };
}
console.log(`${pair("1").first} ${pair("2").second}`);
function countdown(n: number): Point {
  return { x: n, y: n <= 0 ? 0 : countdown(n - 1).x };
}
console.log(countdown(3).y);
function two(n: number): Point {
  const m = n + 1;
  return { x: m, y: m * 2 };
}
console.log(two(1).y);
function outer(n: number): number {
  const inner = (k: number): Point => ({ x: k, y: k + 1 });
  return inner(n).y;
}
console.log(outer(5));

// Inside a loop: the parameters are set again on each pass.
let total = 0;
for (let i = 1; i <= 4; i++) {
  const add = (n: number, k: number = 1): Point => ({ x: n * k + total, y: k });
  total = add(i, i % 2 === 0 ? 10 : undefined).x;
}
console.log(total, calls);
