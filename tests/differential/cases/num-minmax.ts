function max(a: number, b: number): number {
  return a > b ? a : b;
}
const min = (a: number, b: number): number => (a < b ? a : b);
const xs = [5, -3, 12, 0, 7, -20, 12];
let hi = -2000000000;
let lo = 2000000000;
for (const x of xs) {
  hi = max(hi, x);
  lo = min(lo, x);
}
console.log(`max=${hi} min=${lo}`);
console.log(max(-1, -2), min(-1, -2));
console.log(max(3, 3), min(3, 3));
