// expect: IS1025 at 3:3
let s = "";
s ||= "default";
console.log(s);
