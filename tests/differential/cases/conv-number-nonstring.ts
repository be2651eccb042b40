console.log(Number(true));
console.log(Number(false));
console.log(Number(17));
console.log(Number(-3));
const b = 3 > 2;
console.log(Number(b) + Number(!b));
console.log(Number(Number("12")));
