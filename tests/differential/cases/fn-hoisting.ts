console.log(later(3));
console.log(twice("ab"));
function later(n: number): number {
  return n * 100;
}
function twice(s: string): string {
  return s + s;
}
console.log(later(1) + later(2));
