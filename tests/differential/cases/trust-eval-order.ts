let trace = "";
function t(s: string): string {
  trace += s;
  return s;
}
function n(x: number): number {
  trace += String(x);
  return x;
}
console.log(t("a") + t("b") + t("c"));
console.log(trace);
trace = "";
console.log(n(1) + n(2) * n(3));
console.log(trace);
trace = "";
console.log(`${t("x")}-${n(4)}-${t("y")}`);
console.log(trace);
trace = "";
console.log(n(5), t("p"), n(6), t("q"));
console.log(trace);
