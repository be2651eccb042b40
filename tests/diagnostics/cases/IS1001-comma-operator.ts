// expect: IS1001 at 6:21
function step(): number {
  console.log("step");
  return 1;
}
const last = (step(), step());
console.log(last);
