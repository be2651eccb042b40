function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) {
    s += x;
  }
  return s;
}
function longest(xs: string[]): string {
  let best = "";
  for (const x of xs) {
    if (x.length > best.length) {
      best = x;
    }
  }
  return best;
}
function count(xs: readonly string[], item: string): number {
  let c = 0;
  for (const x of xs) {
    if (x === item) {
      c++;
    }
  }
  return c;
}
const nums = [4, 8, 15, 16, 23, 42];
console.log(sum(nums));
console.log(sum([]));
console.log(longest(["a", "abc", "ab", "xyz"]));
console.log(count(["a", "b", "a", "a"], "a"));
console.log(nums.length);
