// `?:` and `??` results assigned to variables: each branch ends by assigning the result.
function pick(n: number): string {
  return n > 0 ? "pos" : n < 0 ? "neg" : "zero";
}
console.log(`${pick(3)} ${pick(-1)} ${pick(0)}`);
let x = 1;
x = x > 0 ? x * 10 : x - 1;
console.log(x);
x = x > 100 ? x : x + x;
console.log(x);
let word = "keep";
word = word.length > 3 ? word : "short";
console.log(word);
word = word === "keep" ? `${word}!` : word;
console.log(word);
function maybe(n: number): string | undefined {
  return n % 2 === 0 ? `even${n}` : undefined;
}
const a = maybe(2) ?? "";
const b = maybe(3) ?? "90%";
const c = maybe(5) ?? maybe(4) ?? "none";
console.log(`[${a}] [${b}] [${c}]`);
let fallback = "fb";
let opt: string | undefined = maybe(1);
const d = opt ?? fallback;
fallback = "changed";
console.log(`${d} ${fallback}`);
opt = maybe(6);
const e = opt ?? "";
opt = undefined;
console.log(`${e} ${opt ?? "gone"}`);
let total = 0;
for (let i = 0; i < 4; i++) {
  const v = i % 2 === 0 ? i : -i;
  total = total > 0 ? total + v : total - v;
}
console.log(total);
function sign(n: number): boolean {
  return n >= 0 ? n !== 0 : false;
}
console.log(sign(2), sign(0), sign(-2));
