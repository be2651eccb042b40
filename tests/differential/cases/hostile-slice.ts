const s = "*?[x]$(a)`b`\\'\"";
for (let i = 0; i < s.length; i++) {
  console.log(`${i} [${s.slice(i, i + 1)}] [${s.substring(i, i + 2)}]`);
}
console.log(s.slice(-3));
console.log(s.slice(2, 5));
console.log(s.length);
