interface Disk {
  type: "ext4" | "xfs";
  readonly?: boolean;
  options?: string[];
}
interface Tmpfs {
  type: "tmpfs";
  size?: string;
  options?: string[];
}
interface Overlay {
  type: "overlay";
  lower: string[];
  upper?: string;
  options?: string[];
}
type Opts = Disk | Tmpfs | Overlay;

function render(o: Opts): string {
  const out: string[] = [];
  if (o.type === "tmpfs" && o.size !== undefined) out.push(`size=${o.size}`);
  if (o.type === "overlay") {
    out.push(`lowerdir=${o.lower.join(":")}`);
    if (o.upper !== undefined) out.push(`upperdir=${o.upper}`);
  }
  if ((o.type === "ext4" || o.type === "xfs") && o.readonly === true) out.push("ro");
  const extra = o.options;
  if (extra !== undefined) {
    for (const x of extra) out.push(x);
  }
  return `${o.type}:${out.join(",")}`;
}
console.log(render({ type: "ext4" }));
console.log(render({ type: "xfs", readonly: true, options: ["noatime", "a b"] }));
console.log(render({ type: "tmpfs", size: "90%" }));
console.log(render({ type: "overlay", lower: ["/a", "/b c"], upper: "/u" }));
console.log(render({ type: "overlay", lower: [], options: ["x"] }));

const step = { name: "mount", args: ["-t", "proc"] };
step.args.push("/proc");
console.log(`${step.name} ${step.args.length} ${step.args.join(" ")}`);
function makeStep(name: string): { name: string; args: string[] } {
  return { name, args: [name, "--"] };
}
const s2 = makeStep("lvm");
console.log(s2.args.join("|"));
let maybe: string[] | undefined;
console.log(maybe === undefined);
maybe = ["q"];
if (maybe !== undefined) console.log(maybe.length);
const picked = maybe ?? ["default"];
console.log(picked.join(","));
function firstOr(xs: string[] | undefined, d: string): string {
  if (xs === undefined) return d;
  return xs[0] ?? d;
}
console.log(`${firstOr(undefined, "d")} ${firstOr([], "e")} ${firstOr(["f"], "g")}`);
