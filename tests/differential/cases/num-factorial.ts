let f = 1;
for (let i = 1; i <= 12; i++) {
  f *= i;
  console.log(`${i}! = ${f}`);
}
function fact(n: number): number {
  if (n <= 1) {
    return 1;
  }
  return n * fact(n - 1);
}
console.log(fact(10) === 3628800);
console.log(fact(0), fact(1), fact(5));
