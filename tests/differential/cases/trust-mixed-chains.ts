function v(s: string): string {
  console.log(`eval ${s === "" ? "<empty>" : s}`);
  return s;
}
console.log(`[${v("") || v("") || v("c")}]`);
console.log(`[${v("a") && v("") && v("never")}]`);
console.log(`[${(v("") && v("never2")) || v("d")}]`);
console.log(`[${v("x") || (v("never3") && v("never4"))}]`);
const n = 0;
const s: string = "s";
console.log(`[${(n || s) && "end"}]`);
