const big = 2147483647;
console.log(big);
