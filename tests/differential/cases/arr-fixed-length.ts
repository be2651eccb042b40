// A const array literal that is only read: its length is the element count, known statically.
const kinds = ["UUID", "LABEL", "PARTUUID"];
for (let i = 0; i < kinds.length; i++) console.log(i, kinds[i] ?? "?", kinds.length - i);
console.log((kinds).length, kinds.join("+"), kinds.includes("LABEL"));
// The same shapes where something can grow the array: the length is read at run time.
function grow(xs: string[]): void {
  xs.push("more");
}
const passed = ["a", "b"];
grow(passed);
console.log(passed.length);
const aliased = ["x"];
const other = aliased;
other.push("y");
console.log(aliased.length, other.length);
const record = { list: ["p", "q"] };
console.log(record.list.length);
const pushed = ["one"];
pushed.push("two");
console.log(pushed.length);
function make(): string[] {
  const inner = ["i"];
  return inner;
}
const returned = make();
returned.push("j");
console.log(returned.length);
let shadow = 0;
{
  const kinds = ["only"];
  shadow = kinds.length;
}
console.log(shadow, kinds.length);
// Only walked and measured: the array is not stored; for…of walks the literal's words.
const modules = ["ext4", "vfat", "squashfs"];
for (const m of modules) console.log(`load ${m} of ${modules.length}`);
const flags = [true, false];
for (const f of flags) if (f) console.log("flag on");
const numbers = [3, -4, 0];
let total = 0;
for (const n of numbers) total += n;
console.log(total, numbers.length);
function each(): number {
  const local = ["p", "q"];
  let count = 0;
  for (const x of local) {
    count++;
    if (count < 2) console.log(`${x} ${local.length}`);
  }
  return count;
}
console.log(each());
