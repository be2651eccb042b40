function bucket(n: number): number {
  switch (Math.floor(n / 10)) {
    case 0:
      return 0;
    case 1:
    case 2:
      return 1;
    case -1:
      return -1;
    default:
      return 9;
  }
}
for (const n of [0, 5, 10, 29, 30, -3, -10, -11]) {
  console.log(`${n} -> ${bucket(n)}`);
}
const x = 3;
switch (x + 1) {
  case 2 + 2:
    console.log("four matched");
    break;
  default:
    console.log("no");
}
