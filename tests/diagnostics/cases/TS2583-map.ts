// expect: TS2583 at 2:19 "not available in initsh"
const sizes = new Map<string, number>();
console.log("sizes");
