// expect: IS1022 at 3:13
const label = "count";
console.log(label, 1);
