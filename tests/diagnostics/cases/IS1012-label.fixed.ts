const rows = [1, 2, 3];
function search(): boolean {
  for (const r of rows) {
    for (const c of rows) {
      if (r * c === 4) return true;
    }
  }
  return false;
}
console.log(search());
