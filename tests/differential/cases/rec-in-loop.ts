interface Pair {
  k: string;
  v: number;
}
function mk(k: string, v: number): Pair {
  return { k: k, v: v };
}
let total = 0;
let keys = "";
for (const k of ["a", "bb", "ccc"]) {
  const p = mk(k, k.length * 10);
  total += p.v;
  keys += p.k;
  console.log(`${p.k}=${p.v}`);
}
console.log(total, keys);
for (let i = 0; i < 3; i++) {
  const local = { idx: i, tag: "t" + String(i) };
  local.idx += 100;
  console.log(`${local.tag} ${local.idx}`);
}
