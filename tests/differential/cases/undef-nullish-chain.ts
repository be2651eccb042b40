function pick(a: string | undefined, b: string | undefined, c: string): string {
  return a ?? b ?? c;
}
console.log(pick(undefined, undefined, "c"));
console.log(pick(undefined, "b", "c"));
console.log(pick("a", "b", "c"));
console.log(`[${pick("", "b", "c")}]`);
console.log(pick(undefined, "", "c").length);
const n: number | undefined = undefined;
const m: number | undefined = 0;
console.log((n ?? 1) + (m ?? 1));
