// expect: IS1016 at 4:7
let s = "x";
s = "z";
if (s != "y") console.log("not y");
