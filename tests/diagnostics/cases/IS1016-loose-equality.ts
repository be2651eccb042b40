// expect: IS1016 at 3:7
const n = 3;
if (n == 3) console.log("three");
