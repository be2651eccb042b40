function check(s: string): string {
  return `${!s} ${!!s} ${!!!s}`;
}
console.log(check(""));
console.log(check("0"));
console.log(check("false"));
console.log(check(" "));
const n: number = 0;
const m: number = -3;
console.log(!n, !m, !!n, !!m);
const u: string | undefined = undefined;
console.log(!u, !!u);
const t = "abc".length > 2;
console.log(!t, !!t);
