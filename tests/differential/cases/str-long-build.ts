let s = "";
for (let i = 0; i < 100; i++) {
  s += "abcde";
}
console.log(s.length);
console.log(s.slice(0, 12));
console.log(s.slice(-7));
console.log(s.indexOf("eab"));
console.log(s.split("e").length);
console.log(s.replaceAll("abcde", "").length);
console.log(s.replaceAll("bcd", "").length);
