// expect: IS1025 at 3:14
const n = 1;
const kind = typeof n;
console.log(kind);
