let calls = 0;
function ack(m: number, n: number): number {
  calls++;
  if (m === 0) {
    return n + 1;
  }
  if (n === 0) {
    return ack(m - 1, 1);
  }
  return ack(m - 1, ack(m, n - 1));
}
console.log(ack(0, 0));
console.log(ack(1, 2));
console.log(ack(2, 3));
console.log(ack(3, 2));
console.log(`calls ${calls}`);
