// expect: IS1035 at 3:18
const mask = 18;
const inverted = ~mask;
console.log(inverted);
