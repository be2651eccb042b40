const double = (n: number): number => n * 2;
const wrap = (s: string, c: string): string => c + s + c;
const isBig = (n: number): boolean => n > 100;
const log = (s: string): void => {
  console.log(`log: ${s}`);
};
const sum3 = (a: number, b: number, c: number): number => {
  const ab = a + b;
  return ab + c;
};
console.log(double(21));
console.log(wrap("x", "*"));
console.log(isBig(double(60)), isBig(double(50)));
log("arrow with block");
console.log(sum3(1, 2, 3));
console.log(double(double(double(1))));
