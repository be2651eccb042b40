// expect: IS1001 at 3:10
function size(s: string | undefined): number {
  return s?.length ?? 0;
}
console.log(size("abc"));
