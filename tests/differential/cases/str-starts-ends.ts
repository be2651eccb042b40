const s = "initsh-compiler";
console.log(s.startsWith("init"));
console.log(s.startsWith("sh"));
console.log(s.startsWith(""));
console.log(s.startsWith(s));
console.log(s.startsWith(s + "x"));
console.log(s.endsWith("compiler"));
console.log(s.endsWith("init"));
console.log(s.endsWith(""));
console.log("".endsWith(""));
console.log("".startsWith("a"));
const suffix = "-compiler";
console.log(s.endsWith(suffix), s.startsWith(suffix));
const dev = "/dev/sda1";
if (dev.startsWith("/dev/") && dev.endsWith("1")) {
  console.log(`device ${dev.slice(5)} partition 1`);
}
console.log("a".startsWith("ab"), "b".endsWith("ab"));
