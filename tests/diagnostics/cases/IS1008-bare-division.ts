// expect: IS1008 at 3:20
const total = 7;
const half = total / 2;
console.log(half);
