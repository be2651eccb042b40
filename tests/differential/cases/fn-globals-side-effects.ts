let counter = 0;
function bump(): number {
  counter++;
  return counter;
}
const a = bump() + bump();
console.log(a, counter);
const b = `${bump()}-${bump()}`;
console.log(counter, b);
if (bump() > 0) {
  console.log(`in if: ${counter}`);
}
let total = 0;
for (let i = 0; i < 3; i++) {
  total += bump();
}
console.log(total, counter);
const arr = [bump(), bump()];
console.log(counter, arr.join(","));
