// expect: IS1015 at 4:7
const a = "alpha";
const b = "beta";
if (a < b) console.log("ordered");
