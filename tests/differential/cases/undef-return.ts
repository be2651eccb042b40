function find(xs: string[], prefix: string): string | undefined {
  for (const x of xs) {
    if (x.startsWith(prefix)) {
      return x;
    }
  }
  return undefined;
}
const names = ["eth0", "wlan0", "lo"];
console.log(find(names, "wl"));
console.log(find(names, "br"));
const r = find(names, "l");
if (r === undefined) {
  console.log("no lo");
} else {
  console.log(`found ${r} len ${r.length}`);
}
console.log(find(names, "x") ?? "missing");
console.log(find([], ""));
console.log(find([""], ""));
