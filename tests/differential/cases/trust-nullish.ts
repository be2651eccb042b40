function get(i: number): string | undefined {
  const xs = ["", "0", "val"];
  return xs[i];
}
for (let i = 0; i < 5; i++) {
  console.log(`${i}: [${get(i) ?? "d"}] [${get(i) || "d"}]`);
}
const n: number | undefined = [0][0];
console.log(n ?? 42);
console.log(n || 42);
const m: number | undefined = [0][1];
console.log(m ?? 42);
