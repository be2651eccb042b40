function label(n: number): string {
  let kind: string;
  if (n < 0) {
    kind = "negative";
  } else if (n === 0) {
    kind = "zero";
  } else {
    kind = "positive";
  }
  return kind;
}
console.log("::", label(-2), label(0), label(9));
let total: number;
total = 5;
total += 1;
console.log(total);
let msg: string;
switch (total) {
  case 6:
    msg = "six";
    break;
  default:
    msg = "other";
}
console.log(msg);
