function build(depth: number): string {
  const mine = `<${depth}>`;
  let acc = "";
  if (depth > 0) {
    acc = build(depth - 1);
  }
  return mine + acc + mine;
}
console.log(build(0));
console.log(build(3));
function sumTo(n: number): number {
  const here = n;
  if (n === 0) {
    return 0;
  }
  const below = sumTo(n - 1);
  return here + below;
}
console.log(sumTo(50));
function digits(n: number, sep: string): string {
  const d = n % 10;
  const rest = Math.floor(n / 10);
  if (rest === 0) {
    return String(d);
  }
  return digits(rest, sep) + sep + String(d);
}
console.log(digits(90210, "-"));
