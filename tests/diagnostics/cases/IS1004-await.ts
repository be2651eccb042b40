// expect: IS1004 at 5:11
export function settle(): number {
  return 1;
}
const n = await settle();
console.log(n);
