function count(...items: string[]): number {
  return items.length;
}
function joinAll(sep: string, ...parts: string[]): string {
  parts.push("end");
  return parts.join(sep);
}
console.log(count(), count("a"), count("a", "b c", ""));
const base = ["ro", "quiet"];
const all = [...base, "debug", ...base];
console.log(`${all.join(" ")} ${base.length}`);
console.log(`${joinAll("-", ...base)} ${base.join("+")}`);
console.log(joinAll(",", "x", ...all, "y"));
const more: string[] = ["*"];
more.push(...base);
more.push(...more);
console.log(`${more.length} ${more.join("|")}`);
let n = 0;
function next(): string {
  n++;
  return `n${n}`;
}
console.log(joinAll(next(), next(), ...[next(), next()], next()));
const empty: string[] = [];
console.log(more.push(...empty), count(...empty), [...empty].length);
function nums(...xs: number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}
console.log(nums(1, 2, 3), nums(...[4, 5]));
