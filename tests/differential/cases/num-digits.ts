function digitSum(n: number): number {
  let s = 0;
  let m = n < 0 ? -n : n;
  while (m > 0) {
    s += m % 10;
    m = Math.floor(m / 10);
  }
  return s;
}
function reverse(n: number): number {
  let r = 0;
  let m = n;
  while (m > 0) {
    r = r * 10 + m % 10;
    m = Math.trunc(m / 10);
  }
  return r;
}
console.log(digitSum(123456789));
console.log(digitSum(-4096));
console.log(digitSum(0));
console.log(reverse(12345));
console.log(reverse(1200));
console.log(reverse(1999999991));
console.log(reverse(123456789));
