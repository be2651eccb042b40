const total = 7;
const half = Math.floor(total / 2);
console.log(half);
