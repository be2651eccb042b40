// expect: IS1005 at 2:1
function* stages() {
  yield 1;
}
console.log("stages");
