let ok = 0;
const vals = [false, true];
for (const p of vals) {
  for (const q of vals) {
    const l1 = !(p && q);
    const r1 = !p || !q;
    const l2 = !(p || q);
    const r2 = !p && !q;
    console.log(`${p} ${q}: ${l1} ${r1} ${l2} ${r2}`);
    if (l1 === r1 && l2 === r2) {
      ok++;
    }
  }
}
console.log(`ok ${ok}`);
console.log(ok === 4);
