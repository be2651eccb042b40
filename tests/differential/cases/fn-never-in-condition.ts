// A call to a `never` function used as a condition: what would follow it never runs
// (and is left out of the script), what comes before it runs as usual.
function panic(msg: string): never {
  console.error(`panic: ${msg}`);
  process.exit(4);
}
function check(n: number): string {
  if (n > 5) return "big";
  else if (n < 0 && panic("negative")) return "unreachable";
  while (n === 3 && panic("three")) console.log("unreachable");
  return "small";
}
console.log(`${check(9)} ${check(1)}`);
const values = ",a,,b,".split(",");
for (const v of [",a,,b,", values[1] ?? "", "x,"]) console.log(`[${v}]`);
if (values.length > 99 || panic(`${values.length} values`)) console.log("unreachable");
console.log("unreachable too");
