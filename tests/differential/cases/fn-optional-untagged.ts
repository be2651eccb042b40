// Optional number, boolean and array parameters travel untagged (the empty word is undefined).
function show(n?: number, flag?: boolean, list?: string[]): string {
  const a = n === undefined ? "n:undef" : `n:${n}`;
  const b = flag === undefined ? "f:undef" : `f:${flag}`;
  const c = list === undefined ? "l:undef" : `l:${list.length}`;
  return `${a} ${b} ${c}`;
}
console.log(show());
console.log(show(0, false, []));
console.log(show(-3, true, ["", "x"]));
console.log(show(undefined, undefined, ["a"]));
let maybe: number | undefined;
let maybeFlag: boolean | undefined;
console.log(show(maybe, maybeFlag));
maybe = 12;
maybeFlag = false;
console.log(show(maybe, maybeFlag));
let base = 5;
function scaled(x: number, by: number = base * 2, neg: number = -1, on: boolean = x > 0): string {
  return `${x * by * neg} ${on}`;
}
console.log(`${scaled(1)} | ${scaled(2, undefined, 3)} | ${scaled(-1, 0)}`);
base = 7;
console.log(scaled(1, undefined, undefined, false));
interface Opt {
  name: string;
  size?: number;
  ro?: boolean;
}
function describe(o: Opt): string {
  return `${o.name} ${o.size === undefined ? "none" : String(o.size)} ${o.ro === undefined ? "unset" : String(o.ro)}`;
}
console.log(`${describe({ name: "a" })}; ${describe({ name: "b", size: 0, ro: false })}; ${describe({ name: "c", size: -2 })}`);
