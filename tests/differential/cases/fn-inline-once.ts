// Functions called from one place whose body is one return are written in place (lower/inline.ts).
let calls = 0;
function note(tag: string): string {
  calls++;
  console.log(`note(${tag}) call ${calls}`);
  return `${tag}${calls}`;
}

// A record maker with defaults: missing, passed, and passed undefined.
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
function withDefaults(a: string, b: number = a.length, c?: string): string {
  return `${a}/${b}/${c ?? "none"}`;
}
console.log(withDefaults("four"));
let maybe: string | undefined;
if (calls > 100) maybe = "set";
function fallback(x: string = "default"): string {
  return `[${x}]`;
}
console.log(fallback(maybe));
maybe = "given";
function fallbackTwo(x: string = "default"): string {
  return `[${x}]`;
}
console.log(fallbackTwo(maybe));
function fallbackThree(x: string = "default"): string {
  return `[${x}]`;
}
console.log(fallbackThree(undefined));

// Arguments are evaluated in order, once each, before the body; a parameter read twice is read once.
const twice = (a: string, b: string): string => `${a}${b}${a}`;
console.log(twice(note("x"), note("y")));

// Parameters named like the caller's variables, hostile text, and a boolean test with a name.
const word = "caller's word";
function isRootWord(word: string): boolean {
  return word.startsWith("root=") && word !== "root=";
}
for (const w of ["root=/dev/sda1", "root=", "quiet", "$(echo no)", "*"]) {
  if (isRootWord(w)) console.log(`root word: ${w}`);
}
console.log(word);
const shout = (text: string) => `${text.trim()}!`;
console.log(shout("a b  *  \\n $HOME `id`"));

// Optional results, and narrowing inside the written-in-place body.
function firstOr(values: string[], fallbackValue?: string): string | undefined {
  return values.length > 0 ? values[0] : fallbackValue;
}
const empty: string[] = [];
console.log(firstOr(empty) ?? "nothing");
function lengthOf(s: string | undefined): number {
  return s === undefined ? -1 : s.length;
}
console.log(lengthOf(maybe));

// One written-in-place function calling another; and one called from a recursive function.
const square = (n: number): number => n * n;
const sumSquares = (a: number, b: number): number => square(a) + b * b;
console.log(sumSquares(3, 4));
function depthLabel(d: number): string {
  return `depth ${d}`;
}
function recurse(d: number): string {
  if (d === 0) return "bottom";
  const label = depthLabel(d);
  const below = recurse(d - 1);
  return `${label} > ${below}`;
}
console.log(recurse(3));

// Not written in place: called twice, recursive, or more than one statement.
function double(n: number): number {
  return n * 2;
}
console.log(double(2), double(double(3)));
function fact(n: number): number {
  return n <= 1 ? 1 : n * fact(n - 1);
}
console.log(fact(6));
function two(n: number): number {
  const m = n + 1;
  return m * 2;
}
console.log(two(1));

// Inside a loop: the parameters are set again on each pass.
let total = 0;
for (let i = 1; i <= 4; i++) {
  const add = (n: number, k: number = 1): number => n * k + total;
  total = add(i, i % 2 === 0 ? 10 : undefined);
}
console.log(total, calls);
