const a = 1;
let b = "global-b";
function f(a: number, b: string): string {
  return `${a} ${b}`;
}
console.log(f(2, "param-b"));
console.log(a, b);
function g(b: string): void {
  b = "reassigned";
  console.log(b);
}
g("x");
console.log(b);
const h = (a: number): number => a * 10;
console.log(h(7), a);
