let i = 0;
let s = "";
while (i < 10 && s.length < 5) {
  s += String(i);
  i += 2;
}
console.log(`${i} ${s}`);
let a = 0;
let b = 20;
while (a < b || a === 0) {
  a += 3;
  b -= 2;
}
console.log(`${a} ${b}`);
const words = ["x", "yy", "", "zzz"];
let k = 0;
while (k < words.length && (words[k] ?? "") !== "") {
  k++;
}
console.log(`first empty at ${k}`);
