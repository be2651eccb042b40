// Top-level variables that functions assign: TypeScript types `v` as undefined after
// `= undefined` and does not follow calls, so the compiler must read them, not assume.
let v: string | undefined = undefined;
function set(): void {
  v = "a";
}
set();
console.log(v);
console.log(v === undefined, `${v}`, v ?? "dflt");
let n = 0 as number | undefined;
function bump(): void {
  n = n === undefined ? 1 : n + 1;
}
bump();
bump();
console.log(n);
let count = 0;
function inc(): void {
  count++;
}
inc();
inc();
console.log(count, count + 1);
let root: string | undefined;
function parse(word: string): void {
  if (word.startsWith("root=")) root = word.slice(5);
}
parse("root=/dev/sda");
if (root === undefined) console.log("no root");
else console.log(`root ${root}`);
let flag: boolean | undefined;
function setFlag(): void {
  flag = false;
}
setFlag();
console.log(flag, flag === undefined, flag ?? true);
let w2 = "y" as string | undefined;
function clear(): void {
  w2 = undefined;
}
while (w2 !== undefined) {
  console.log(w2);
  clear();
}
