// Optional arrays through ?:, ??, ||, && and function results stay undefined; a pushed value
// computed from the result register is saved before the first push overwrites it.
const xs: number[] = [];
xs.push(1, parseInt("41", 10) + 1);
console.log(xs.join(","));
const ys: string[] = ["a"];
const s = "x,y";
ys.push("b", s.split(",")[1] ?? "", s.slice(1));
console.log(ys.join(","));
function pick(c: boolean, a: string[]): string[] | undefined {
  return c ? a : undefined;
}
const r = pick(false, ["q"]);
console.log(r === undefined);
const t = true as boolean;
const u = !t ? ["z"] : undefined;
console.log(u === undefined, r === undefined ? -1 : r.length);
const none = undefined as string[] | undefined;
const v = none ?? ["d"];
const w = none || undefined;
const x2 = none && none;
console.log(v.length, w === undefined, x2 === undefined);
function maybe(n: number): number[] | undefined {
  if (n > 0) return [n];
  return undefined;
}
const m1 = maybe(1);
const m0 = maybe(0);
console.log(m1 === undefined, m0 === undefined, m1 === undefined ? -1 : m1.length);
