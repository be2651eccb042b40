function parseDec(s: string): number {
  let n = 0;
  let neg = false;
  let i = 0;
  if (s.startsWith("-")) {
    neg = true;
    i = 1;
  }
  for (; i < s.length; i++) {
    const d = "0123456789".indexOf(s.slice(i, i + 1));
    if (d < 0) {
      break;
    }
    n = n * 10 + d;
  }
  return neg ? -n : n;
}
for (const s of ["0", "7", "42", "-15", "1999999999", "12ab", "-", "x9"]) {
  console.log(`${s} -> ${parseDec(s)}`);
}
console.log(parseDec("100") + parseDec("-1"));
