const words = ["alpha", "beta", "gamma", "delta"];
let total = 0;
for (const w of words) {
  total += w.length;
  console.log(`${w} ${w.length}`);
}
console.log(total);
const nums = [3, -1, 4, -1, 5];
let pos = 0;
for (const n of nums) {
  if (n < 0) {
    continue;
  }
  pos += n;
}
console.log(pos);
const collected: string[] = [];
for (const w of words) {
  if (w.length === 5) {
    collected.push(w);
  }
}
console.log(collected.join(","));
