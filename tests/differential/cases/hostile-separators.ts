const seps = [";", "|", "&", "#", "&&", "||", ";;", "a;b", "x|y", "p&q", "# comment", "a #b", "(", ")", "{", "}", "<", ">", ">>", "2>&1", "!"];
for (const s of seps) {
  console.log(s);
}
console.log(seps.join(" "));
console.log(seps.length);
console.log(seps.join("").length);
const s = "cmd1; cmd2 | cmd3 & cmd4 # c";
console.log(s.split(" ").length, s.replaceAll(";", "\\;"));
console.log(s.indexOf("#"), s.includes("|"), s.slice(s.indexOf("&")));
