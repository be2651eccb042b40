// `&&`, `||` and `??` whose value TypeScript knows is undefined (the left operand is known
// undefined): the value is undefined, and only the operands JS evaluates run.
function f(s: string = "dflt"): string {
  return s;
}
let v: string | undefined;
console.log(f(v && "x"));
let u = "a" as string | undefined;
u = undefined;
console.log(`${f(u && "y")} ${f(u ?? undefined)} ${f(u || undefined)}`);
let n = 0;
function bump(): string {
  n++;
  return "b";
}
console.log(`${f(u && bump())} ${n}`);
