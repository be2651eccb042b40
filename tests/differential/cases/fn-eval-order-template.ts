let x = 1;
function inc(): number {
  x++;
  return x;
}
let s = "a";
function app(): string {
  s += "b";
  return "!";
}
console.log(`${x}-${inc()}-${x}`);
console.log(`${s}${app()}${s}`);
const t = s + app() + s;
console.log(t);
console.log(s.length, app(), s.length);
const cmp = x === inc();
console.log(cmp, x);
const lt = x < inc();
console.log(lt, x);
const arr = [x, inc(), x];
console.log(arr.join(","));
function three(a: number, b: number, c: number): string {
  return `${a} ${b} ${c}`;
}
console.log(three(x, inc(), x));
console.log("0123456789".slice(x - 6, inc() - 4));
const both = s.length > 0 && app() === "!" && s.endsWith("b");
console.log(both, s);
