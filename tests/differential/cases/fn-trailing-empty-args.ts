// Empty strings and undefined at the end of an argument list (the call leaves them out).
function show(a: string, b: string, c: string, d?: number, e?: string): string {
  return `[${a}][${b}][${c}][${d === undefined ? "-" : String(d)}][${e === undefined ? "-" : e}]`;
}
console.log(show("x", "", ""));
console.log(show("", "", "", undefined, ""));
console.log(show("", "", "", 0));
console.log(show("", "y", ""));
function inner(n: number, s: string = "", t: string = "dflt"): string {
  if (n > 0) return inner(n - 1, "", "") + "|" + show(s, t, "");
  return show(s, t, "", undefined);
}
console.log(inner(2));
console.log(inner(1, "a"));
