function a(n: number, tag: string): string {
  if (n <= 0) {
    return ".";
  }
  const r = b(n - 1, tag + "a");
  return `a${n}${tag}(${r})a${n}`;
}
function b(n: number, tag: string): string {
  const local = `b${n}`;
  const r = c(n, tag + "b");
  return `${local}[${r}]${local}${tag}`;
}
function c(n: number, tag: string): string {
  const mine = n * 10;
  const r = a(n, tag + "c");
  return `c${mine}{${r}}c${mine}`;
}
console.log(a(1, ""));
console.log(a(2, "-"));
console.log(b(1, "x"));
