// Values built from expansions and text, assigned without quotes where the text is plainly
// safe (sh/printer.ts): each must stay one value, whatever the variables hold.
function build(a: string, b: string, n: number): string {
  let out = a + b;
  out = `${out}:${a}`;
  out = `=${a}`; // a leading = stays quoted
  out = `${out}=${b}=`;
  out = `${out}/${n}.${n},${a}@${b}%${n}+-${a}_x`;
  out = `${out}~${a}:~${b}`;
  out = `${out} ${a}*${b}?[${a}]`;
  return out;
}
const values = ["", "a b", "*", "~", "-n", "$HOME", "`id`", "\\", "'\"", "x=y", ":"];
for (const a of values) {
  for (const b of ["", "~", "=", "-e"]) console.log(`[${build(a, b, -3)}]`);
}
let acc = "";
for (let i = 0; i < 3; i++) acc = `${acc}${i}:${acc.length}/`;
console.log(acc);
