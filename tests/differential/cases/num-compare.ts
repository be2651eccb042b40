const vals = [-5, 0, 3, 3, 10];
const pivot = 3;
for (const v of vals) {
  console.log(`${v}: lt=${v < pivot} le=${v <= pivot} gt=${v > pivot} ge=${v >= pivot} eq=${v === pivot} ne=${v !== pivot}`);
}
const neg = -2000000000;
const pos = 2000000000;
console.log(neg < pos, pos > neg, neg === -pos);
console.log(-1 < 0, 0 < -1);
