// expect: IS1011 at 2:16
function count(...items: string[]): number {
  return items.length;
}
console.log(count("a", "b"));
