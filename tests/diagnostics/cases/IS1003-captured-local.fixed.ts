function apply(x: number, factor: number): number {
  return x * factor;
}
function scale(n: number): number {
  const factor = 3;
  return apply(n, factor);
}
console.log(scale(2));
