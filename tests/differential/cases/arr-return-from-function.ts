function range(start: number, end: number): number[] {
  const r: number[] = [];
  for (let i = start; i < end; i++) {
    r.push(i);
  }
  return r;
}
function words(s: string): string[] {
  return s.split(" ");
}
const r = range(3, 8);
console.log(r.length, r.join(","));
console.log(range(0, 0).length);
const w = words("the quick brown fox");
console.log(w.length, w[2]);
w.push("jumps");
console.log(w.join("_"));
console.log(range(-2, 2).join(" "));
console.log(words("single").join("|"));
