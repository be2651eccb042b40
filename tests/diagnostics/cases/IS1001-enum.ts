// expect: IS1001 at 2:1
enum Stage {
  Early,
  Late,
}
console.log("stage");
