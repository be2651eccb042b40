const nums = [0, 1, -1, 2000000000, -2000000000];
for (const n of nums) {
  console.log(`${n}: ${n ? "truthy" : "falsy"} not=${!n}`);
}
let n = 3;
while (n) {
  console.log(`n=${n}`);
  n--;
}
const z = nums[0] ?? 7;
if (!z) {
  console.log("zero is falsy");
}
