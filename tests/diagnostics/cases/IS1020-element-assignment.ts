// expect: IS1020 at 3:1
const xs = [1, 2, 3];
xs[0] = 9;
console.log(xs.join(","));
