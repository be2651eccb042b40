const vals = [true, false];
for (const a of vals) {
  for (const b of vals) {
    console.log(`${a} ${b} and=${a && b} or=${a || b} xor=${a !== b} eq=${a === b} nand=${!(a && b)}`);
  }
}
const x = 5;
const inRange = x > 0 && x < 10;
const outside = x < 0 || x > 10;
console.log(inRange, outside, !inRange || outside);
