// A value built in a temporary, then copied to a variable: the variable must not change early.
let xs = ["a", "b"];
xs = [xs.join(","), "c", String(xs.length)];
console.log(xs.join(" "));
let ys = ["q", "q2", "q3"];
function size(): number {
  return ys.length;
}
ys = ["p", String(size()), "r"];
console.log(`${ys.join(" ")} ${size()}`);
let count = 1;
function inc(): number {
  count++;
  return count;
}
count = count + inc() * 10;
console.log(count);
let label = "L";
function describe(): string {
  return `label=${label}`;
}
label = `${label}-${describe()}`;
console.log(label);
const names = ["udevd", "syslogd"];
names.push("getty");
console.log(names.join("+"));
function build(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 2) continue;
    out.push(`#${i}`);
  }
  return out;
}
let built = build(4);
built = build(built.length);
console.log(built.join(""));
