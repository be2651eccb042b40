const e: string[] = [];
console.log(e.length);
console.log(`[${e.join()}]`);
console.log(`[${e.join("x")}]`);
console.log(e.includes(""));
console.log(e[0]);
let n = 0;
for (const x of e) {
  n += x.length + 1;
}
console.log(n);
const en: number[] = [];
console.log(en.length === 0, en[0] ?? -1);
console.log(en[0] ?? "nothing".length);
