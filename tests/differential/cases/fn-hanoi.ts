let moves = 0;
function hanoi(n: number, from: string, to: string, via: string): void {
  if (n === 0) {
    return;
  }
  hanoi(n - 1, from, via, to);
  moves++;
  if (n >= 3) {
    console.log(`move disk ${n} ${from}->${to}`);
  }
  hanoi(n - 1, via, to, from);
}
hanoi(4, "A", "C", "B");
console.log(`moves ${moves}`);
