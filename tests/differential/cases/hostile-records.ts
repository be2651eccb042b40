interface Cfg {
  name: string;
  cmd: string;
  note: string;
}
function show(c: Cfg): string {
  return `${c.name}: ${c.cmd} # ${c.note}`;
}
const c1: Cfg = { name: "*", cmd: "$(reboot)", note: "-n" };
const c2: Cfg = { name: "", cmd: "a\nb", note: "'\"\\" };
console.log(show(c1));
console.log(show(c2));
console.log(c1.name.length, c1.cmd.length, c2.cmd.length, c2.note.length);
console.log(c1.cmd);
console.log(c2.note);
const local = { v: "*", w: "?" };
local.v = local.v + local.w + "[x]";
console.log(local.v);
