// `xs[i]` in `for (let i = 0; i < xs.length; i++)` is always an element (lower/bounded-index.ts).
const words = ["", "a b", "*", "-n", "\\", "last"];
for (let i = 0; i < words.length; i++) console.log(`${i}: [${words[i] ?? "none"}] ${words[i] === undefined}`);
const flags = [true, false, true];
for (let i = 0; i < flags.length; ++i) {
  if (flags[i]) console.log(i, "on");
  else console.log(i, "off", flags[i] ?? true);
}
const nums: number[] = [3, -1, 0];
let total = 0;
for (let k = 1; k < nums.length; k += 1) total += (nums[k] ?? 100) * 10;
console.log(total);

// The array grows inside the loop: the test sees the new length each pass.
const grow = ["x"];
for (let i = 0; i < grow.length; i++) {
  if (grow.length < 4) grow.push(`${grow[i] ?? "?"}${i}`);
  if (i === 1) continue;
  console.log(`grow ${i} ${grow[i] ?? "?"}`);
}

// Not bounded: another array's length, a counter the body changes, an index past the counter.
const short = ["s0"];
for (let i = 0; i < words.length; i++) console.log(`other ${short[i] ?? "undefined"}`);
for (let i = 0; i < words.length; i++) {
  console.log(`skip ${words[i] ?? "undefined"}`);
  i++;
}
for (let i = 0; i < words.length; i++) console.log(`next ${words[i + 1] ?? "undefined"}`);
let arr = ["p", "q"];
for (let i = 0; i < arr.length; i++) {
  console.log(`let ${arr[i] ?? "undefined"}`);
  arr = ["r"];
}

// Nested loops, each bounded by its own array.
const rows = ["ab", "c"];
const cols = ["1", "2", "3"];
for (let r = 0; r < rows.length; r++) {
  let line = "";
  for (let c = 0; c < cols.length; c++) line += `${rows[r] ?? "?"}${cols[c] ?? "?"} `;
  console.log(line);
}
function firstLong(xs: string[], min: number): string {
  const copy = xs;
  for (let i = 0; i < copy.length; i++) {
    const w = copy[i] ?? "";
    if (w.length >= min) return w;
  }
  return "none";
}
console.log(`${firstLong(words, 3)} ${firstLong(words, 9)}`);
