let calls = 0;
function maybe(i: number): string | undefined {
  calls++;
  return i > 0 ? `v${i}` : undefined;
}
function str(v: string): string {
  calls++;
  return v;
}
function num(v: number): number {
  calls++;
  return v;
}
console.log(maybe(1) ?? "d");
console.log(maybe(0) ?? "d");
console.log(`calls ${calls}`);
calls = 0;
console.log(`[${str("") || "fb"}] [${str("x") || "fb"}] [${str("y") && "and"}] [${str("") && "and"}]`);
console.log(`calls ${calls}`);
calls = 0;
console.log(num(0) || 5, num(3) || 5, num(0) && 5, num(4) && 6);
console.log(`calls ${calls}`);
calls = 0;
const t = str("q") ? "truthy" : "falsy";
console.log("::", t, calls);
