let s = "";
for (let i = 0; i < 200; i++) {
  s += "*$(x) ";
}
console.log(s.length);
console.log(s.slice(0, 20));
const parts = s.split(" ");
console.log(parts.length);
console.log(s.replaceAll("$(x)", "").length);
console.log(s.trim().slice(-12));
let big = "0123456789";
for (let i = 0; i < 9; i++) {
  big = big + big;
}
console.log(big.length);
console.log(big.slice(5000, 5010));
