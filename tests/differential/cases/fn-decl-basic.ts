function add(a: number, b: number): number {
  return a + b;
}
function greet(name: string): string {
  return "hello, " + name;
}
function shout(s: string): void {
  console.log(s + "!");
}
console.log(add(2, 3));
console.log(add(-2, add(10, 20)));
console.log(greet("world"));
shout(greet("sh"));
const r = add(1, 1) * add(2, 2);
console.log(r);
console.log(`${add(100, -1)} ${greet("")}`);
