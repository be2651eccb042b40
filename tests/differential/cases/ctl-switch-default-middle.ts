function g(s: string): string {
  let out = "";
  switch (s) {
    case "a":
      out += "A";
    default:
      out += "D";
    case "b":
      out += "B";
      break;
    case "c":
      out += "C";
  }
  return out;
}
for (const s of ["a", "b", "c", "z", ""]) {
  console.log(`${s}: ${g(s)}`);
}
function h(n: number): string {
  switch (n) {
    case 1:
      return "one";
    default:
      return "other";
    case 2:
      return "two";
  }
}
console.log(`${h(1)} ${h(2)} ${h(3)}`);
