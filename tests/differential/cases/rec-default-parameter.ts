// A record parameter with a literal default: the caller passes the default when the
// argument is missing or undefined.
interface Opts {
  type: string;
  size: number;
  ro: boolean;
  label?: string;
}
function describe(where: string, o: Opts = { type: "tmpfs", size: -1, ro: false }, tail = "."): string {
  return `${where}: ${o.type} ${o.size} ${o.ro} ${o.label ?? "none"}${tail}`;
}
console.log(describe("a"));
console.log(describe("b", undefined, "!"));
console.log(describe("c", { type: "ext4", size: 8, ro: true, label: "x y" }));
