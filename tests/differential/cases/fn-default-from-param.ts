let base = 10;
function f(a: number, b: number = a * 2, c: number = base + b): string {
  return `${a} ${b} ${c}`;
}
console.log(f(1));
console.log(f(1, 5));
console.log(f(1, 5, 0));
base = 100;
console.log(f(2));
function label(s: string, suffix: string = s + s): string {
  return s + suffix;
}
console.log(label("x"));
console.log(label("y", "-"));
