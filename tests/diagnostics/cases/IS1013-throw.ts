// expect: IS1013 at 3:14
function check(n: number): number {
  if (n < 0) throw "negative";
  return n;
}
console.log(check(1));
