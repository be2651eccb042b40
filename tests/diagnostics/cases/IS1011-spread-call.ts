// expect: IS1011 at 3:13
const words = ["a", "b"];
console.log(...words);
