// expect: IS1025 at 3:3
let m: number | undefined = undefined;
m ??= 3;
console.log(m ?? 0);
