// expect: IS1019 at 3:12
let x = 0;
const y = (x = 5);
console.log(y);
