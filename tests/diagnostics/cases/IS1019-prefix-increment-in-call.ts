// expect: IS1019 at 3:13
let i = 0;
console.log(++i);
