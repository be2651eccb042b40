// Functions ending in return, if/else and switch: their results and exit statuses.
function classify(n: number): string {
  if (n < 0) {
    return "neg";
  } else if (n === 0) {
    return "zero";
  }
  return "pos";
}
function isSmall(n: number): boolean {
  if (n > 100) return false;
  return n < 10;
}
function even(n: number): boolean {
  return n % 2 === 0;
}
function both(n: number): boolean {
  return isSmall(n) && even(n);
}
function name(k: number): string {
  switch (k) {
    case 1:
      return "one";
    case 2:
      return "two";
    default:
      return "many";
  }
}
function noop(): void {
  return;
}
function say(s: string): void {
  console.log(s);
  return;
}
for (const n of [-5, 0, 4, 7, 200]) {
  noop();
  say(`${n} ${classify(n)} ${isSmall(n)} ${both(n)} ${name(n % 3)}`);
  if (both(n)) console.log("both");
  if (!isSmall(n)) console.log("big");
}
function maybe(n: number): string | undefined {
  if (n > 0) return "some";
  return undefined;
}
console.log(`${maybe(1) ?? "none"} ${maybe(0) ?? "none"}`);
