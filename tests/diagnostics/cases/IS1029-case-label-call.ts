// expect: IS1029 at 7:8
function expected(): string {
  return "b";
}
const v = "b";
switch (v) {
  case expected():
    console.log("match");
    break;
  default:
    console.log("no match");
}
