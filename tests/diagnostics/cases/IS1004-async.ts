// expect: IS1004 at 2:1
async function mountAll(): Promise<number> {
  return 0;
}
console.log("mounted");
