function fib(n: number): number {
  if (n < 2) {
    return n;
  }
  return fib(n - 1) + fib(n - 2);
}
let line = "";
for (let i = 0; i <= 15; i++) {
  line += `${fib(i)} `;
}
console.log(line);
console.log(fib(18));
function fibIter(n: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n; i++) {
    const t = a + b;
    a = b;
    b = t;
  }
  return a;
}
console.log(fibIter(40));
console.log(fib(12) === fibIter(12));
