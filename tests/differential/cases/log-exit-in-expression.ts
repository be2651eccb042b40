function must(s: string | undefined): string {
  if (s === undefined) {
    console.error("missing value");
    process.exit(4);
  }
  return s;
}
const parts = "a:b".split(":");
console.log(must(parts[0]));
console.log(`second=${must(parts[1])}`);
const third = must(parts[2]) + "!";
console.log(third);
console.log("unreachable");
