function sign(n: number): number | undefined {
  if (n > 0) return 1;
  if (n < 0) return -1;
  return undefined;
}
console.log(sign(2));
