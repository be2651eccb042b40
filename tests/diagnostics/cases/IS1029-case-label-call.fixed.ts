function expected(): string {
  return "b";
}
const v = "b";
const want = expected();
switch (v) {
  case want:
    console.log("match");
    break;
  default:
    console.log("no match");
}
