let ret = "ret";
let r = "r";
let rv = "rv";
let _r = "_r";
let __r = "__r";
let tmp = "tmp";
let t = "t";
let i = 100;
let n = 200;
let result = "result";
let __ret = "__ret";
let _1 = "_1";
let a = "a";
let s = "s";
let v = "v";
let x = "x";
let arr = "arr";
let len = "len";
let IFS_SAVE = "save";
function f(i: number): string {
  const ret = `f${i}`;
  const r = ret + "r";
  const tmp = r + "t";
  const t = "t" + String(i);
  const n = i * 3;
  const result = tmp + t + String(n);
  const a = "A";
  const s = "S";
  const v = "V";
  const x = "X";
  const arr = ["q"];
  const len = arr.length;
  return `${result}${a}${s}${v}${x}${len}`;
}
function g(k: number): number {
  if (k <= 0) {
    return 0;
  }
  const rv = k + g(k - 1);
  return rv;
}
console.log(f(1));
console.log(f(2) + f(3));
console.log(g(10));
console.log("::", ret, r, rv, _r, __r, tmp, t, i, n, result, __ret, _1);
console.log("::", a, s, v, x, arr, len, IFS_SAVE);
ret = f(4);
console.log(ret);
