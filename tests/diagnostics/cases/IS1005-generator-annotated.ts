// expect: IS1005 at 2:1
function* stages(): Iterator<number> {
  yield 1;
  return 2;
}
console.log("stages");
