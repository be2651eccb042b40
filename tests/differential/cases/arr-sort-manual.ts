function insertSorted(xs: number[], v: number): number[] {
  const out: number[] = [];
  let placed = false;
  for (const x of xs) {
    if (!placed && v < x) {
      out.push(v);
      placed = true;
    }
    out.push(x);
  }
  if (!placed) {
    out.push(v);
  }
  return out;
}
function sort(xs: number[]): number[] {
  let r: number[] = [];
  for (const x of xs) {
    r = insertSorted(r, x);
  }
  return r;
}
console.log(sort([5, 3, 9, -1, 3, 0, 12, -7]).join(" "));
console.log(sort([]).length);
console.log(sort([1]).join(" "));
console.log(sort([3, 2, 1]).join(","));
function insertStr(xs: string[], v: string): string[] {
  const out: string[] = [];
  let placed = false;
  for (const x of xs) {
    if (!placed && v.length < x.length) {
      out.push(v);
      placed = true;
    }
    out.push(x);
  }
  if (!placed) {
    out.push(v);
  }
  return out;
}
let words: string[] = [];
for (const w of "the initsh compiler lowers typescript to sh".split(" ")) {
  words = insertStr(words, w);
}
console.log(words.join(" "));
