const a = [10, 20, 30, 40];
for (let i = 0; i < a.length; i++) {
  console.log(i, a[i]);
}
console.log(a[a.length - 1]);
console.log(a[4]);
console.log(a[-1]);
let i = 2;
console.log(a[i], a[i + 1], a[i - 2], a[i * 2]);
const s = ["p", "q", "r"];
i = 1;
console.log(`${s[i]}${s[i + 1]}${s[i - 1]}`);
const v = a[1];
if (v !== undefined) {
  console.log(v * 2);
}
