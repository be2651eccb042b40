// expect: IS1001 at 2:15
const xs = [1, , 3] as number[];
console.log(xs.length);
