function double(x: number): number {
  return x * 2;
}
console.log(double(2));
