// expect: TS2366 at 2:27
function sign(n: number): number {
  if (n > 0) return 1;
  if (n < 0) return -1;
}
console.log(sign(2));
