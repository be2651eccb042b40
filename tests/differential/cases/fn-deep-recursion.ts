function sumTo(n: number): number {
  if (n === 0) {
    return 0;
  }
  return n + sumTo(n - 1);
}
console.log(sumTo(100));
console.log(sumTo(300));
function countChars(s: string, c: string): number {
  if (s === "") {
    return 0;
  }
  return (s.slice(0, 1) === c ? 1 : 0) + countChars(s.slice(1), c);
}
console.log(countChars("abracadabra".repeat(10), "a"));
