function inner(y?: string): string {
  return y === undefined ? "inner:undefined" : `inner:[${y}]`;
}
function outer(x?: string): string {
  return inner(x);
}
function viaVar(x: string | undefined): string {
  const copy = x;
  return inner(copy);
}
function ret(x: string | undefined): string | undefined {
  return x;
}
console.log(outer());
console.log(outer(""));
console.log(outer("v"));
console.log(viaVar(undefined));
console.log(viaVar(""));
console.log(inner(ret(undefined)));
console.log(inner(ret("")));
const parts = "a".split(",");
console.log(inner(parts[1]));
console.log(inner(parts[0]));
function num(n?: number): string {
  return n === undefined ? "n:undefined" : `n:${n}`;
}
function passN(n?: number): string {
  return num(n);
}
console.log("::", passN(), passN(0), passN(-1));
