const big = 2000000000;
const small = -2000000000;
console.log(big, small);
console.log(big - 1, small + 1);
console.log(big + small);
console.log(44721 * 44721);
console.log(-44721 * 44721);
console.log(Math.floor(big / 3), Math.floor(small / 3));
console.log(big % 7, small % 7);
let x = 1;
for (let i = 0; i < 30; i++) {
  x *= 2;
}
console.log(x);
console.log(x - 1 + 900000000);
