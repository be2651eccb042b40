let i = 100;
for (let i = 0; i < 3; i++) {
  console.log(`loop i=${i}`);
}
console.log(`outer i=${i}`);
const n = "n-outer";
for (const n of ["x", "y"]) {
  console.log(`of n=${n}`);
}
console.log(n);
for (let i = 0; i < 2; i++) {
  for (let i = 10; i < 12; i++) {
    console.log(`inner i=${i}`);
  }
  console.log(`middle i=${i}`);
}
console.log(i);
