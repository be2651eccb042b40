const a: number[] = [];
a.push(a.length);
a.push(a.length);
a.push(a.length, a.length);
console.log(a.join(","));
const log: string[] = [];
function note(s: string): string {
  log.push(`note:${s}`);
  return s;
}
log.push(note("first"));
log.push(note("x"), note("y"));
console.log(log.join(" "));
console.log(log.length);
const b: string[] = ["0"];
b.push(b.join("") + "1");
b.push(b.join("") + "2");
console.log(b.join(","));
