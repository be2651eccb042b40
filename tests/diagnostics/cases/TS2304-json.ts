// expect: TS2304 at 2:13 "not available in initsh"
console.log(JSON.stringify("x"));
