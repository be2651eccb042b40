function fmt(name: string, value?: string, unit?: string): string {
  let s = name;
  if (value !== undefined) {
    s += "=" + value;
  }
  if (unit !== undefined) {
    s += unit;
  }
  return s;
}
console.log(fmt("a"));
console.log(fmt("b", "1"));
console.log(fmt("c", "2", "ms"));
console.log(fmt("d", undefined, "ms"));
console.log(fmt("e", ""));
function count(n?: number): number {
  return n ?? -1;
}
console.log(count(), count(0), count(7));
