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
