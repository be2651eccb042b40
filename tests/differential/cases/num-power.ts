function pow(base: number, exp: number): number {
  let r = 1;
  for (let i = 0; i < exp; i++) {
    r *= base;
  }
  return r;
}
console.log(pow(2, 0), pow(2, 1), pow(2, 10), pow(2, 30));
console.log(pow(3, 19));
console.log(pow(-2, 5), pow(-3, 4));
console.log(pow(10, 9));
console.log(pow(7, 2) - pow(2, 7));
