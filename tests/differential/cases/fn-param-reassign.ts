let g = "global";
function mutate(s: string, n: number): string {
  s = s + "!";
  n = n * 2;
  g = "changed";
  return `${s} ${n}`;
}
const s = "local";
const n = 21;
console.log(mutate(s, n));
console.log(`${s} ${n} ${g}`);
function shadow(g: string): string {
  g = g + "?";
  return g;
}
console.log(shadow("param"));
console.log(g);
