function seven(a: number, b: string, c: boolean, d: number, e: string, f: boolean, g: string): string {
  return `${a}|${b}|${c}|${d}|${e}|${f}|${g}`;
}
console.log(seven(1, "two", true, -4, "", false, "x y"));
function sum10(a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number, j: number): number {
  return a + b + c + d + e + f + g + h + i + j;
}
console.log(sum10(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
console.log(sum10(10, 9, 8, 7, 6, 5, 4, 3, 2, -1000));
console.log(seven(sum10(0, 0, 0, 0, 0, 0, 0, 0, 0, 1), "b", false, 0, "e", true, "g"));
