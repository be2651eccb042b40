// expect: IS1017 at 2:14
let double = (x: number): number => x * 2;
console.log(double(2));
