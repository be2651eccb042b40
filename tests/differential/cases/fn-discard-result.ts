let count = 0;
function bump(): number {
  count++;
  console.log(`bump -> ${count}`);
  return count;
}
function name(): string {
  return "unused";
}
function noop(): void {}
bump();
bump();
name();
noop();
const list: number[] = [];
list.push(1);
list.push(2, 3);
console.log(count, list.length);
for (let i = 0; i < 3; i++) {
  bump();
}
console.log(`final ${count}`);
