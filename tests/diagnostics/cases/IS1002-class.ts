// expect: IS1002 at 2:1
class Mount {
  target = "/";
}
console.log("mount");
