const s = "quiet splash root=/dev/sda2 ro";
console.log(s.includes("quiet"));
console.log(s.includes("root="));
console.log(s.includes("rw"));
console.log(s.includes(""));
console.log("".includes(""));
console.log("".includes("a"));
console.log(s.includes("ro"));
console.log(s.includes(" ro"));
console.log(s.includes("ro "));
const flags = ["quiet", "debug", "single"];
for (const f of flags) {
  console.log(`${f}: ${s.includes(f) ? "on" : "off"}`);
}
console.log("abc".includes("abcd"), "abc".includes("bc"));
