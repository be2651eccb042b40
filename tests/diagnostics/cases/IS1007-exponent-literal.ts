// expect: IS1007 at 2:13
const big = 1e3;
console.log(big);
