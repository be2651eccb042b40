function search(n: number, target: number): number {
  if (n === target) {
    console.log(`found ${n}`);
    console.error("exiting from depth");
    process.exit(n);
  }
  if (n > 10) {
    return -1;
  }
  return search(n + 1, target);
}
console.log("start");
const r = search(0, 5);
console.log(`unreachable ${r}`);
