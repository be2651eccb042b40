// expect: IS1035 at 3:6
let mode = 493;
mode &= 63;
console.log(mode);
