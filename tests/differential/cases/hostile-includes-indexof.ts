const hay = "a*b?c[d]e\\f$g`h'i\"j k";
const needles = ["*", "?", "[d]", "\\", "$g", "`", "'", "\"", " ", "*b?", "[", "]", "\\f", "zz", "a*c"];
for (const n of needles) {
  console.log(`${n} ${hay.includes(n)} ${hay.indexOf(n)} ${hay.startsWith(n)} ${hay.endsWith(n)}`);
}
console.log(hay.length);
console.log(hay.startsWith("a*"), hay.endsWith("j k"), hay.endsWith("*"));
