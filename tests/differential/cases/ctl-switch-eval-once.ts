let calls = 0;
function next(): number {
  calls++;
  return calls;
}
function pick(): string {
  switch (next()) {
    case 1:
      return "one";
    case 2:
      return "two";
    case 3:
      return "three";
    default:
      return "many";
  }
}
console.log(pick());
console.log(pick());
console.log(pick());
console.log(pick());
console.log(`calls=${calls}`);
let sc = 0;
function word(): string {
  sc++;
  return sc % 2 === 0 ? "even" : "odd";
}
for (let i = 0; i < 3; i++) {
  switch (word()) {
    case "odd":
      console.log("odd branch");
      break;
    case "even":
      console.log("even branch");
      break;
  }
}
console.log(`sc=${sc}`);
