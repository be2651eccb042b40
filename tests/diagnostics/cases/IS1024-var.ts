// expect: IS1024 at 2:1
var count = 1;
console.log(count);
