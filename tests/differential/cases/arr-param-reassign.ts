function reset(xs: string[]): number {
  xs = [];
  xs.push("only");
  return xs.length;
}
const list = ["a", "b", "c"];
console.log(reset(list));
console.log(list.length, list.join(""));
function grow(xs: number[]): number[] {
  const copy: number[] = [];
  for (const x of xs) {
    copy.push(x);
  }
  copy.push(0);
  return copy;
}
const base = [1, 2];
const bigger = grow(base);
console.log(base.length, bigger.length);
console.log(`${base.join(",")} ${bigger.join(",")}`);
