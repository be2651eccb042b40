// expect: IS1008 at 3:3
let m = 7;
m /= 2;
console.log(m);
