function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
console.log(gcd(48, 18));
console.log(gcd(17, 5));
console.log(gcd(1000000000, 750000000));
console.log(gcd(7, 0));
function lcm(a: number, b: number): number {
  return Math.floor(a / gcd(a, b)) * b;
}
console.log(lcm(4, 6), lcm(21, 6), lcm(13, 17));
