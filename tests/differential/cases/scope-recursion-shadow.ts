let depth = -1;
let path = "";
function walk(n: number, label: string): string {
  const depth = n;
  let path = label;
  if (n > 0) {
    const child = walk(n - 1, label + "/" + String(n));
    path = path + " <" + child + ">";
  }
  return `${depth}:${path}`;
}
console.log(walk(3, "root"));
console.log(depth, path === "");
path = "global-path";
console.log(walk(1, "x"));
console.log(path);
