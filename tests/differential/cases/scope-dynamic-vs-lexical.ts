let x = "global";
function readX(): string {
  return x;
}
function writeX(v: string): void {
  x = v;
}
function shadowParam(x: string): string {
  return `${readX()}/${x}`;
}
function shadowLocal(): string {
  const x = "local";
  return `${readX()}/${x}`;
}
function shadowAndWrite(x: string): string {
  writeX("written-by-callee");
  return `${x}/${readX()}`;
}
console.log(shadowParam("param"));
console.log(shadowLocal());
console.log(shadowAndWrite("param2"));
console.log(x);
let n = 1;
function getN(): number {
  return n;
}
function loop(): number {
  let total = 0;
  for (let n = 10; n < 13; n++) {
    total += getN() + n;
  }
  return total;
}
console.log(loop());
function rec(n: number): string {
  if (n === 0) {
    return `base sees global n=${getN()}`;
  }
  return rec(n - 1) + ` (n=${n})`;
}
console.log(rec(2));
