// expect: TS2339 at 3:17
const name = "root";
console.log("a".toUpperCase(), name);
