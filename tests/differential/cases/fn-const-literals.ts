// A const with a literal value is the value itself: nested functions may read it, and it
// never needs a variable.
const TIMEOUT = 10;
const NAME = "root disk";
const ON = true;
const NEG = -5;
const GREETING = `hello ${NAME}`;
function scale(n: number): number {
  const factor = 3;
  function apply(x: number): number {
    return x * factor + TIMEOUT;
  }
  return apply(n);
}
function describe(): string {
  return `${NAME}/${TIMEOUT}/${ON}/${NEG}/${GREETING}`;
}
console.log(scale(2), describe());
let total = 0;
for (let i = 0; i < TIMEOUT; i++) total += NEG;
console.log(total);
if (ON) console.log("on", NAME.length);
