let out = "";
for (let i = 0; i < 10; i++) {
  if (i % 3 === 0) {
    continue;
  }
  if (i === 8) {
    break;
  }
  out += String(i);
}
console.log(out);
let count = 0;
for (let i = 0; ; i++) {
  if (i >= 6) {
    break;
  }
  count++;
}
console.log(count);
for (let i = 0; i < 3; i++) {
  continue;
}
console.log("continue-only loop ended");
