let calls = 0;
function side(label: string, result: boolean): boolean {
  calls++;
  console.log(`call ${label}`);
  return result;
}
console.log("-- or");
const r1 = side("a", true) || side("b", true);
console.log(r1);
const r2 = side("c", false) || side("d", true);
console.log(r2);
console.log("-- and");
const r3 = side("e", false) && side("f", true);
console.log(r3);
const r4 = side("g", true) && side("h", false);
console.log(r4);
console.log("-- if");
if (side("i", false) && side("j", true)) {
  console.log("unreached");
} else {
  console.log("else");
}
if (side("k", true) || side("l", true)) {
  console.log("then");
}
console.log(`calls ${calls}`);
