function lenOrZero(s: string | undefined): number {
  if (s !== undefined) {
    return s.length;
  }
  return 0;
}
function describe(n: number | undefined): string {
  if (n === undefined) {
    return "none";
  }
  return n > 0 ? "positive" : "non-positive";
}
console.log(lenOrZero("hello"));
console.log(lenOrZero(undefined));
console.log(lenOrZero(""));
console.log(`${describe(undefined)} ${describe(0)} ${describe(5)}`);
const parts = "k=v".split("=");
const v = parts[1];
if (v !== undefined) {
  console.log(`value ${v} len ${v.length}`);
}
