function check(n: number): number | undefined {
  if (n < 0) return undefined;
  return n;
}
const r = check(1);
if (r === undefined) {
  console.error("negative");
  process.exit(1);
}
console.log(r);
