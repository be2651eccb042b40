function inner(n: number, s: string): string {
  const tmp = n * 100;
  s = s + "!";
  return `${s}${tmp}`;
}
function outer(n: number, s: string): string {
  const tmp = n + 1;
  const r = inner(n + 1, "in");
  return `${n} ${s} ${tmp} ${r}`;
}
function top(n: number, s: string): string {
  const r = outer(n * 2, s + "?");
  return `${r} | ${n} ${s}`;
}
console.log(inner(1, "a"));
console.log(outer(2, "b"));
console.log(top(3, "c"));
function countdown(n: number): string {
  if (n === 0) {
    return "0";
  }
  const rest = countdown(n - 1);
  return `${n},${rest},${n}`;
}
console.log(countdown(3));
