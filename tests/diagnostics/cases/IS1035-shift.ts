// expect: IS1035 at 3:15
const n = 1;
console.log(n << 4);
