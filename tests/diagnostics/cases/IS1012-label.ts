// expect: IS1012 at 3:1
const rows = [1, 2, 3];
outer: for (const r of rows) {
  for (const c of rows) {
    if (r * c === 4) break outer;
  }
}
console.log("done");
