// expect: IS1017 at 8:14
function double(x: number): number {
  return x * 2;
}
function twice(x: number): number {
  return x + x;
}
const pick = double;
console.log(pick(2) + twice(1));
