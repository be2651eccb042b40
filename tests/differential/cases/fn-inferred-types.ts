const inc = (a: number) => a + 1;
const shout = (s: string) => s + "!";
const isEmpty = (s: string) => s.length === 0;
function wrap(s: string) {
  return `[${s}]`;
}
function half(n: number) {
  return Math.floor(n / 2);
}
function both(s: string) {
  return isEmpty(s) || s === "-";
}
console.log(inc(41), shout("hey"), isEmpty(""), isEmpty("x"));
console.log(wrap(shout("a")));
console.log(half(9), half(-9));
console.log(both(""), both("-"), both("x"));
