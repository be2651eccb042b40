function f(n: number): number {
  return n * 10;
}
function s(t: string): string {
  return `<${t}>`;
}
function b(n: number): boolean {
  return n > 1;
}
interface R {
  a: number;
  b: number;
  c: string;
  d: string;
  e: boolean;
}
const r: R = { a: f(1), b: f(2), c: s("x"), d: s("y"), e: b(f(0)) };
console.log(`${r.a} ${r.b} ${r.c} ${r.d} ${r.e}`);
function mk(n: number): R {
  return { a: f(n), b: f(n + 1), c: s(String(n)), d: s("d"), e: b(n) };
}
const m = mk(5);
console.log(`${m.a} ${m.b} ${m.c} ${m.d} ${m.e}`);
console.log(mk(0).b);
