const n = 3;
if (n === 3) console.log("three");
