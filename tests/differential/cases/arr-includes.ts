const a = ["apple", "banana", ""];
console.log(a.includes("apple"));
console.log(a.includes("app"));
console.log(a.includes(""));
console.log(a.includes("cherry"));
const n = [1, 2, 30];
console.log(n.includes(3), n.includes(30), n.includes(-1));
const empty: string[] = [];
console.log(empty.includes(""));
const wanted = ["ext4", "vfat"];
for (const fs of ["ext4", "ntfs", "vfat", "ext"]) {
  console.log(`${fs}: ${wanted.includes(fs) ? "supported" : "unsupported"}`);
}
