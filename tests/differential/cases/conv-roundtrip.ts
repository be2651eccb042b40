const nums = [0, 1, -1, 42, -999, 1999999999, -1999999999];
for (const n of nums) {
  const s = String(n);
  const back = Number(s);
  const back2 = parseInt(s, 10);
  console.log(`${n} "${s}" ${back} ${back2} ${back === n && back2 === n}`);
}
const str = "  17  ";
console.log(String(Number(str)) + "|");
