// expect: IS1019 at 3:11
let i = 0;
const j = i++;
console.log(j);
