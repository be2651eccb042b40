let name = "global";
let count = 5;
function f(): string {
  const name = "local";
  let count = 0;
  count++;
  return `${name} ${count}`;
}
function g(): string {
  count++;
  return `${name} ${count}`;
}
console.log(f());
console.log(`${name} ${count}`);
console.log(g());
console.log(f());
console.log(`${name} ${count}`);
