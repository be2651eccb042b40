function fi(): string {
  return "fi";
}
function done(): string {
  return "done";
}
function then(x: number): number {
  return x * 2;
}
function esac(): string {
  return "esac";
}
function elif(): string {
  return "elif";
}
function until(): string {
  return "until";
}
function local(): string {
  return "local";
}
function readonly(): string {
  return "readonly";
}
function time(): string {
  return "time";
}
const select = "select";
let local2 = "local2";
console.log("::", fi(), done(), then(4));
console.log("::", esac(), elif(), until(), local(), readonly(), time());
console.log("::", select, local2);
local2 = fi() + done();
console.log(local2);
