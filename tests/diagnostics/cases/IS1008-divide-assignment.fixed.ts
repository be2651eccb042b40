let m = 7;
m = Math.trunc(m / 2);
console.log(m);
