// expect: IS1025 at 6:1
function log(): number {
  console.log("x");
  return 0;
}
void log();
