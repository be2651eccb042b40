const e = "";
const arr = ["", "a", "", "", "b", ""];
console.log(arr.length);
console.log(arr.join(","));
console.log(arr.join(""));
let idx = 0;
for (const s of arr) {
  console.log(`${idx}:[${s}] ${s.length} ${s === e}`);
  idx++;
}
function wrap(s: string): string {
  return `<${s}>`;
}
console.log("::", wrap(e), wrap(e + e), wrap(arr[0] ?? "x"));
console.log(arr.includes(e));
const pushed: string[] = [];
pushed.push(e);
pushed.push(e);
console.log(pushed.length, `[${pushed.join("-")}]`);
