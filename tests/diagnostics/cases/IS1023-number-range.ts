// expect: IS1023 at 2:13
const big = 3000000000;
console.log(big);
