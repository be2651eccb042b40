let n = 1;
const n_2 = "user-n_2";
let tmp_2 = "user-tmp_2";
function rec(n: number): string {
  const tmp = `t${n}`;
  if (n === 0) {
    return `${n_2}/${tmp_2}`;
  }
  return `${rec(n - 1)} ${tmp}`;
}
console.log(rec(2));
console.log(n, n_2, tmp_2);
function plain(n: number): string {
  return `${n}:${n_2}`;
}
console.log(plain(5));
