let a = "alpha";
a = `${a}!`;
const b = "beta";
if (a !== b) console.log("different");
