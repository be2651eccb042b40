// expect: IS1034 at 3:3
let n = 2;
n **= 10;
console.log(n);
