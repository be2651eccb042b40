// Conditions decided at compile time, and functions whose last statement they are.
function last(flag: boolean): void {
  console.log(`last ${flag}`);
  if (1 > 2) {
    console.log("never");
  }
}
last(true);
let empty: string | undefined = "";
let zero: number | undefined = 0;
const fromEmpty = empty ?? "default";
const fromZero = zero ?? 9;
console.log(`[${fromEmpty}] ${fromZero} ${-1 < 0} ${0 < -1}`);
function ok(n: number): boolean {
  if (-1 > 0) return false;
  return n > 1 && (0 < 1 || n > 100);
}
console.log(ok(2), ok(1));
let count = 0;
while (0 > 1) count++;
console.log(count);
const n = 4;
console.log(Math.floor(7 / 2), Math.floor(-7 / 2), Math.trunc(-7 / 2), Math.floor(n / 3), Math.floor(-n / 3));
console.log(2 * 3 + 4 < 5, 10 % 3 === 1, 2 - 5 * 2, (1 < 2) === (2 < 3));
function check(x: number): boolean {
  if (x > 0) {
    return true;
  } else if (2 < 1) {
    return false;
  }
  return x === 0;
}
console.log(check(1), check(0), check(-1));
function tail(x: number): void {
  console.log(`tail ${x}`);
  if (1 < 0) console.log("unreachable");
}
tail(1);
empty = undefined;
zero = undefined;
console.log(`${empty ?? "now default"} ${zero ?? 7}`);
