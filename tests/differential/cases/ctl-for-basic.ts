for (let i = 0; i < 4; i++) {
  console.log(`up ${i}`);
}
for (let i = 3; i > 0; i--) {
  console.log(`down ${i}`);
}
for (let i = 0; i < 20; i += 7) {
  console.log(`step ${i}`);
}
for (let i = 5; i < 5; i++) {
  console.log("never");
}
let total = 0;
for (let i = 1; i <= 100; i++) {
  total += i;
}
console.log(total);
let j = 0;
for (; j < 3; ) {
  j++;
}
console.log(`j=${j}`);
