// expect: IS1003 at 5:16
function scale(n: number): number {
  const factor = n + 1;
  function apply(x: number): number {
    return x * factor;
  }
  return apply(n);
}
console.log(scale(2));
