function toBinary(n: number): string {
  if (n === 0) {
    return "0";
  }
  let s = "";
  let m = n;
  while (m > 0) {
    s = String(m % 2) + s;
    m = Math.floor(m / 2);
  }
  return s;
}
function fromBinary(s: string): number {
  let n = 0;
  for (const c of s.split("")) {
    n = n * 2 + (c === "1" ? 1 : 0);
  }
  return n;
}
for (const v of [0, 1, 2, 5, 255, 1024, 1999999999]) {
  const b = toBinary(v);
  console.log(`${v} ${b} ${fromBinary(b)}`);
}
