const line = "10 20 -5  7";
let total = 0;
let count = 0;
for (const part of line.split(" ")) {
  if (part === "") {
    continue;
  }
  total += Number(part);
  count++;
}
console.log(`total=${total} count=${count}`);
const csv = "3,4,,5";
let t2 = 0;
for (const p of csv.split(",")) {
  t2 += Number(p);
}
console.log(t2);
const sizes = "512k 1024k 64k";
let kb = 0;
for (const s of sizes.split(" ")) {
  kb += parseInt(s, 10);
}
console.log(`${kb}k`);
