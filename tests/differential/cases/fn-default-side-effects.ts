let calls = 0;
function dflt(): string {
  calls++;
  return `default#${calls}`;
}
function f(a: string = dflt()): string {
  return a;
}
console.log(f("given"));
console.log(calls);
console.log(f());
console.log(f(undefined));
console.log(f(""));
console.log(calls);
function g(n: number, m: number = n + calls): number {
  return n * 100 + m;
}
console.log(g(1), g(1, 0), g(2));
