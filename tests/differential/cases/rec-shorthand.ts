function make(name: string, size: number, ok: boolean): { name: string; size: number; ok: boolean } {
  return { name, size, ok };
}
const r = make("disk", 512, true);
console.log(r.size, r.name, r.ok);
console.log(r.name);
const name = "local";
const size = -1;
const ok = false;
const s = { name, size, ok };
console.log(`${s.name} ${s.size} ${s.ok}`);
console.log(s.size + r.size);
