let x = 1;
function inc(): number {
  x++;
  return x;
}
const r1 = x + inc();
console.log(r1, x);
const r2 = inc() + x;
console.log(r2, x);
let trace = "";
function t(s: string): string {
  trace += s;
  return s;
}
function three(a: string, b: string, c: string): string {
  return a + b + c;
}
console.log(three(t("1"), t("2"), t("3")));
console.log(trace);
