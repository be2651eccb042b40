// expect: IS1034 at 2:15
const kib = 2 ** 10;
console.log(kib);
