// expect: IS1019 at 3:13
let s = "";
console.log(s ||= "default");
