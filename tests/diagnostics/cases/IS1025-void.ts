// expect: IS1025 at 6:13
function log(): number {
  console.log("x");
  return 0;
}
console.log(void log());
