function range(n: number): number[] {
  if (n === 0) {
    return [];
  }
  const r = range(n - 1);
  r.push(n);
  return r;
}
console.log(range(5).join(","));
console.log(range(0).length);
function splitAll(s: string, seps: string[], i: number): string[] {
  const sep = seps[i];
  if (sep === undefined) {
    return [s];
  }
  const out: string[] = [];
  for (const part of s.split(sep)) {
    for (const p of splitAll(part, seps, i + 1)) {
      out.push(p);
    }
  }
  return out;
}
const pieces = splitAll("a,b;c,d;e", [";", ","], 0);
console.log(pieces.length, pieces.join(" "));
function both(n: number): string[] {
  const mine = [`<${n}>`];
  if (n > 0) {
    const inner = both(n - 1);
    for (const v of inner) {
      mine.push(v);
    }
  }
  mine.push(`</${n}>`);
  return mine;
}
console.log(both(2).join(""));
