function grade(n: number): string {
  if (n >= 90) {
    return "A";
  } else if (n >= 80) {
    return "B";
  } else if (n >= 70) {
    return "C";
  } else {
    return "F";
  }
}
for (const n of [95, 90, 89, 80, 75, 3, -1]) {
  console.log(`${n} ${grade(n)}`);
}
const x = 5;
if (x > 3) console.log("no braces then");
else console.log("no braces else");
if (x < 3) {
  console.log("unreached");
}
console.log("done");
