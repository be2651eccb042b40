// expect: IS1007 at 2:15
const ratio = 1.5;
console.log(ratio);
