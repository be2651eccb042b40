let trace = "";
function k(n: number): number {
  trace += String(n);
  return n;
}
const one = k(1);
const two = k(2);
const three = k(3);
function run(v: number): string {
  let r = "";
  switch (v) {
    case one:
      r = "a";
      break;
    case two:
      r = "b";
    default:
      r += "d";
      break;
    case three:
      r = "c";
  }
  return `${v}:${r}`;
}
console.log(trace);
console.log(run(1));
console.log(run(2));
console.log(run(3));
console.log(run(9));
const name: string = "beta";
const alpha = "alpha";
let beta = "be";
beta += "ta";
switch (name) {
  case alpha:
    console.log("alpha matched");
    break;
  case beta:
    console.log("beta matched");
    break;
  default:
    console.log("nothing matched");
}
