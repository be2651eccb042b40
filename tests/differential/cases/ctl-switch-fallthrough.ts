function f(n: number): string {
  let s = "";
  switch (n) {
    case 1:
      s += "one ";
    case 2:
      s += "two ";
      break;
    case 3:
      s += "three ";
    case 4:
      s += "four ";
    case 5:
      s += "five ";
      break;
    case 6:
      return "six-return";
  }
  return `[${s}]`;
}
for (let i = 0; i <= 7; i++) {
  console.log(`${i} ${f(i)}`);
}
