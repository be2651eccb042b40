// A default built from a template whose value runs into the text after it: `${v}` then `x`
// (the printer braces the name even where the template left empty pieces between them).
let v: number = 6;
const xs: string[] = [];
console.log(xs[0] ?? `${v}${"x"}`);
console.log(xs[1] ?? `-1${v}${false}`);
function pick(s?: string): string {
  return s ?? `${v}` + "x";
}
console.log("pick", pick(), pick("given"));
const n = 3;
console.log("more", xs[2] ?? `${v}${1}`, xs[3] ?? `${n}${v}_`);
v++;
console.log(xs[0] ?? `${v}${"x"}`);
