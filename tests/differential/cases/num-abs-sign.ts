function abs(n: number): number {
  return n < 0 ? -n : n;
}
function sign(n: number): number {
  if (n > 0) {
    return 1;
  }
  if (n < 0) {
    return -1;
  }
  return 0;
}
const vals = [-15, -1, 0, 1, 15, -2000000000];
for (const v of vals) {
  console.log(`${v} abs=${abs(v)} sign=${sign(v)}`);
}
console.log(abs(-3) + abs(3), sign(-9) * 5);
