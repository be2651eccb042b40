// Conditions whose folding leaves a negated emptiness test (`! [ -n … ]`), found by random seeds 7045 and 7232.
let empty: string = "";
let word: string = "-n";
const maybe: string | undefined = word.length > 5 ? word : undefined;
(false ? "x" : empty) || console.log("empty is falsy");
(false ? "x" : word) || console.log("never printed");
(true ? empty : "x") && console.log("never printed either");
if (!(false ? "x" : empty)) console.log("not empty: true");
if (!(false ? "x" : word)) console.log("never");
else console.log("not word: false");
if (!(true ? maybe : "y")) console.log("not maybe: true");
if (!(true && empty)) console.log("not (true && empty): true");
if (!(true && word)) console.log("never");
if (!!(false ? "x" : word)) console.log("double not word: true");
while (!(false ? "x" : empty)) {
  empty = "=";
  console.log("loop ran once");
}
for (const w of ["", "!", "-z", "=", "x"]) {
  if (!(false ? "" : w)) console.log(`[${w}] is falsy`);
  else console.log(`[${w}] is truthy`);
  (false ? "" : w) || console.log(`${quoted(w)} via ||`);
}
function quoted(s: string): string {
  return `"${s}"`;
}
