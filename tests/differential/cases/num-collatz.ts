function collatz(start: number): number {
  let n = start;
  let steps = 0;
  let peak = n;
  while (n !== 1) {
    if (n % 2 === 0) {
      n = Math.floor(n / 2);
    } else {
      n = 3 * n + 1;
    }
    if (n > peak) {
      peak = n;
    }
    steps++;
  }
  console.log(`${start}: peak ${peak}`);
  return steps;
}
console.log(collatz(27));
console.log(collatz(1));
console.log(collatz(97));
