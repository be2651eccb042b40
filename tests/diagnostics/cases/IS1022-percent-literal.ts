// expect: IS1022 at 2:13
console.log("100%", 1);
