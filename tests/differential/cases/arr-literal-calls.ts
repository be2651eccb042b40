function f(n: number): number {
  return n * 10;
}
function s(t: string): string {
  return `<${t}>`;
}
const a = [f(1), f(2), f(3)];
console.log(a.join(","));
const b = [s("x"), s("y")];
console.log(b.join(""));
const c = [f(4)];
console.log(c.join(","));
const d = [1, f(5), 2, f(6)];
console.log(d.join(","));
const e: string[] = [];
e.push(s("p"), s("q"));
console.log(e.join(" "));
console.log([f(7), f(8)].length);
