// `!!` and `!(!…)` over tests and lists: sh allows one `!` per pipeline, so the inner
// negation must be grouped. Negative numbers in tests stay plain operands.
let v = 3;
v = v + 0;
if (!!(v > -100 && v !== v)) console.log("never");
else console.log("not both");
if (!(!(v > -100))) console.log("above -100");
const b = !!(v < -1 || v === 3);
console.log(b, !!b, !(!b && v > 0));
function note(why: string): void {
  console.log(`note ${why}`);
}
"a" + "b" !== "" && !(v > -100 && v !== v) || note("first");
"a" + "b" !== "" && !(v > -100 && v === v) || note("second");
"a" + "b" !== "" && !(v > -100 && v !== v) || note(["th", "ird"].join(""));
