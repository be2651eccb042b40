let depth = -1;
let label = "global-label";
function show(): string {
  return `depth=${depth} label=${label}`;
}
function bumpGlobal(): void {
  depth += 1000;
}
function rec(n: number): string {
  const depth = n * 100;
  let label = `local-${n}`;
  if (n === 0) {
    return show();
  }
  const inner = rec(n - 1);
  label += "!";
  return `${depth}/${label} <${inner}> ${show()}`;
}
console.log(rec(2));
function recWrite(n: number): number {
  const depth = n;
  if (n > 0) {
    bumpGlobal();
    return depth + recWrite(n - 1);
  }
  return depth;
}
console.log(recWrite(3));
console.log(depth, label);
