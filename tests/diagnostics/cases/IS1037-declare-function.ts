// expect: IS1037 at 2:1
declare function probe(): number;
console.log(probe());
