function helper(n: number): number {
  const tmp = n * 1000;
  let s = "helper";
  s += String(tmp);
  return tmp + s.length;
}
function rec(n: number, s: string): string {
  const tmp = `rec${n}`;
  if (n === 0) {
    return `${tmp}/${s}`;
  }
  const h = helper(n);
  const inner = rec(n - 1, s + "+");
  return `${tmp}:${h}:${s}(${inner}):${tmp}:${s}`;
}
console.log(rec(2, "s"));
function walk(xs: string[], i: number): string {
  const x = xs[i];
  if (x === undefined) {
    return "end";
  }
  const n = helper(i);
  return `${x}${n}>${walk(xs, i + 1)}<${x}`;
}
console.log(walk(["a", "b", "c"], 0));
console.log(helper(7), rec(0, "zero"));
