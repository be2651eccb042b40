const inc = (n: number): number => n + 1;
const sq = (n: number): number => n * n;
function wrap(s: string): string {
  return `(${s})`;
}
console.log(sq(inc(sq(inc(1)))));
console.log(wrap(wrap(wrap("x"))));
console.log(wrap(String(sq(inc(2)))));
console.log(inc(sq(3)) === sq(inc(2)) + 1);
function pick(flag: boolean, a: string, b: string): string {
  return flag ? a : b;
}
console.log(pick(sq(2) > inc(2), wrap("yes"), wrap("no")));
