let log = "";
function say(s: string): string {
  log += s;
  console.log(`say ${s}`);
  return s;
}
function cond(b: boolean): boolean {
  log += "?";
  return b;
}
const a = cond(true) ? say("yes") : say("no");
const b = cond(false) ? say("yes2") : say("no2");
console.log(`${a} ${b}`);
const c = cond(true) ? (cond(false) ? say("tf") : say("tt")) : say("f");
console.log(c);
console.log(log);
