function isEven(n: number): boolean {
  if (n === 0) {
    return true;
  }
  return isOdd(n - 1);
}
function isOdd(n: number): boolean {
  if (n === 0) {
    return false;
  }
  return isEven(n - 1);
}
for (const n of [0, 1, 2, 7, 10, 25]) {
  console.log(`${n} even=${isEven(n)} odd=${isOdd(n)}`);
}
function ping(n: number): string {
  return n <= 0 ? "done" : "ping " + pong(n - 1);
}
function pong(n: number): string {
  return n <= 0 ? "done" : "pong " + ping(n - 1);
}
console.log(ping(5));
