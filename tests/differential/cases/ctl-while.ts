let i = 0;
while (i < 5) {
  console.log(`i=${i}`);
  i++;
}
console.log(`after ${i}`);
let j = 10;
while (j < 5) {
  console.log("never");
}
let k = 0;
let sum = 0;
while (true) {
  k++;
  if (k % 2 === 0) {
    continue;
  }
  if (k > 9) {
    break;
  }
  sum += k;
}
console.log(`k=${k} sum=${sum} j=${j}`);
