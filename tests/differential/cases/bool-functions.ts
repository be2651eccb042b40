function isEven(n: number): boolean {
  return n % 2 === 0;
}
const isPositive = (n: number): boolean => n > 0;
function both(n: number): boolean {
  return isEven(n) && isPositive(n);
}
for (const n of [-4, -3, 0, 7, 8]) {
  console.log(`${n}: even=${isEven(n)} pos=${isPositive(n)} both=${both(n)}`);
}
if (isEven(10)) {
  console.log("10 is even");
}
if (!isPositive(-1)) {
  console.log("-1 is not positive");
}
const r = isEven(3);
console.log(r, r === false);
