// Where `x ?? y` is tested for truth, TypeScript types `x` as `undefined` where it is falsy,
// but `false`, `0` and "" get there too: such reads are read, not assumed undefined.
function flag(b?: boolean): string {
  if (b ?? false) return "yes";
  return `no:${b}`;
}
console.log("flag", flag(false), flag(undefined), flag(true));
function count(n?: number): string {
  return n ?? 1 ? `some:${n}` : `none:${n} ${n ?? "dflt"}`;
}
console.log("count", count(0), count(), count(5));
function text(s?: string): string {
  if (!(s ?? "x")) return `empty:[${s}]`;
  return `full:[${s}]`;
}
console.log("text", text(""), text(), text("t"));
interface Opts {
  on?: boolean;
  level?: number;
}
const opts: Opts = { on: false, level: 0 };
if (opts.on ?? false) console.log("on");
else console.log("off", opts.on);
let loops = 0;
while (opts.level ?? 1) {
  loops++;
  if (loops > 2) break;
}
console.log(loops, opts.level);
const shown = (opts.on ?? true) && opts.level === 0 ? "both" : `neither ${opts.on}`;
console.log(shown);
function branches(b?: boolean): void {
  switch (b ?? false) {
    case false:
      console.log("case false", b);
      break;
    default:
      console.log("other", b);
  }
  do {
    console.log("do", b);
  } while (b ?? false);
}
branches(false);
branches(undefined);
function loop(s?: string): string {
  for (let i = 0; s ?? ""; i++) return `got ${s}`;
  return `none ${s}`;
}
console.log("loop", loop(""), loop(), loop("x"));
