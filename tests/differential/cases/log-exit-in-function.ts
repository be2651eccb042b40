function die(msg: string, code: number): never {
  console.error(`fatal: ${msg}`);
  process.exit(code);
}
function check(n: number): number {
  if (n > 2) {
    die(`n too big: ${n}`, 7);
  }
  console.log(`checked ${n}`);
  return n * 2;
}
let total = 0;
for (let i = 0; i < 10; i++) {
  total += check(i);
  console.log(`total ${total}`);
}
console.log("unreachable");
