function addAll(target: string[], items: string[]): number {
  for (const it of items) {
    target.push(it);
  }
  return target.length;
}
const list: string[] = ["a"];
console.log(addAll(list, ["b", "c"]));
console.log(list.length, list.join(""));
addAll(list, []);
addAll(list, ["d"]);
console.log(list.join(""));
function self(xs: number[]): number[] {
  xs.push(xs.length);
  return xs;
}
const n: number[] = [];
const m = self(self(n));
m.push(99);
console.log(`${n.join(",")} ${m.join(",")}`);
