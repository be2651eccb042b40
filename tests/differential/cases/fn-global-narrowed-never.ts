// TypeScript narrows a top-level `let` by its initializer and does not follow calls: after
// `set()`, inside `if (on)` it types `on` as `never` (it still believes `on` is false). The
// values built from it there are computed from the variable, not dropped as unreachable.
let on: boolean = false;
let label: string = "";
function set(): void {
  on = true;
  label = "set";
}
set();
if (on) {
  const both: boolean = on || on;
  const either = on && on ? "yes" : "no";
  console.log(both, either);
  console.log(on);
  console.log("text", `${on}`, String(on), !on);
}
if (label === "") {
  console.log("never printed");
} else {
  console.log("label", label || "empty");
}
function fail(message: string): never {
  console.log(message);
  process.exit(3);
}
const missing: string | undefined = undefined;
// A `never` that a call explains still ends the program.
const value: string = missing ?? fail("missing value");
console.log(value);
