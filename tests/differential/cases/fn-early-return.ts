function firstNegative(xs: number[]): number {
  for (const x of xs) {
    if (x < 0) {
      return x;
    }
  }
  return 0;
}
function check(s: string): string {
  if (s === "") {
    return "empty";
  }
  if (s.length > 5) {
    return "long";
  }
  let i = 0;
  while (true) {
    if (i >= s.length) {
      return "no digit";
    }
    if ("0123456789".includes(s.slice(i, i + 1))) {
      return `digit at ${i}`;
    }
    i++;
  }
}
console.log(firstNegative([3, 4, -5, -6]));
console.log(firstNegative([1, 2]));
for (const s of ["", "abcdefg", "ab3", "xyz"]) {
  console.log(check(s));
}
