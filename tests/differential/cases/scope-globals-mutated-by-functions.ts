let total = 0;
let log = "";
const items: string[] = [];
function record(s: string, n: number): void {
  total += n;
  log += s;
  items.push(s);
}
record("a", 1);
record("b", 2);
record("c", 3);
console.log(total);
console.log(log);
console.log(items.length, items.join("-"));
function reset(): void {
  total = 0;
  log = "";
}
reset();
console.log(`${total} [${log}] ${items.length}`);
