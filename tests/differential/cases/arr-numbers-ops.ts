const xs = [5, -3, 12, 0, 7];
let sum = 0;
let prod = 1;
let maxv = -2000000000;
for (const x of xs) {
  sum += x;
  if (x !== 0) {
    prod *= x;
  }
  if (x > maxv) {
    maxv = x;
  }
}
console.log(sum, prod, maxv);
const avgFloor = Math.floor(sum / xs.length);
console.log(avgFloor);
console.log(xs.includes(0), xs.includes(-3), xs.includes(3));
const strs: string[] = [];
for (const x of xs) {
  strs.push(`${x}`);
}
console.log(strs.join(";"));
