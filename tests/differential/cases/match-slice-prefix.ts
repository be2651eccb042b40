// s.slice(prefix.length) inside `if (s.startsWith(prefix))` is `${s#prefix}`: hostile
// prefixes must strip exactly themselves, and the rewrite must not apply where s or the
// prefix may have changed, or where the slice count is not the prefix's length.
function valueOf(word: string, name: string): string | undefined {
  if (word.startsWith(`${name}=`)) return word.slice(name.length + 1);
  if (word.startsWith(name + ":")) return word.slice(1 + name.length);
  return undefined;
}
const names = ["root", "*", "?", "[r]", "a\\b", "'q'", "\"", "$HOME", "`x`", "-n", "", " "];
for (const n of names) {
  for (const v of ["", "x", "=", "*", "a b", "\\", "$(id)"]) {
    console.log(`${n}|${v}|${valueOf(`${n}=${v}`, n) ?? "undefined"}|${valueOf(`${n}:${v}`, n) ?? "undefined"}|${valueOf(`z${n}=${v}`, n) ?? "undefined"}`);
  }
}

function strip(s: string, p: string): string {
  if (s.startsWith(p)) return s.slice(p.length);
  return `(${s})`;
}
console.log(`${strip("abc", "a")} ${strip("abc", "")} ${strip("abc", "abc")} ${strip("abc", "b")} ${strip("*c", "*")} ${strip("a*c", "?")}`);

// A literal prefix and a constant count.
for (const w of ["rd.luks.uuid=1234", "rd.luks.uuid=", "rd.luks", "rd.luks.uuid=a=b"]) {
  if (w.startsWith("rd.luks.uuid=")) console.log(`uuid ${w.slice(13)} ${w.slice(12)} ${w.slice(14)}`);
  else console.log("no", w.slice(3));
}

// The subject changes inside the arm: the slice must see the new value.
let t = "key=value";
if (t.startsWith("key=")) {
  t = "other";
  console.log(t.slice(4));
}
// The prefix's variable changes elsewhere: no rewrite, same answers.
let pre = "ab";
const text = "abcdef";
if (text.startsWith(pre)) console.log(text.slice(pre.length));
pre = "abc";
if (text.startsWith(pre)) console.log(text.slice(pre.length));
// A parameter reassigned in its function.
function shift(s: string, p: string): string {
  if (s.startsWith(p)) {
    s = s + "!";
    return s.slice(p.length);
  }
  return s;
}
console.log(shift("hello", "he"));
// A number in the prefix: its text length is not the number.
const n = 12;
const id = "12-x";
if (id.startsWith(`${n}-`)) console.log(id.slice(3));
// Negated: in the else arm the prefix is not known.
if (!id.startsWith("x")) console.log(id.slice(1));
else console.log(id.slice(1));
// Nested arms: each knows its own prefix.
const path = "/dev/mapper/vg-root";
if (path.startsWith("/dev/")) {
  const rest = path.slice(5);
  if (rest.startsWith("mapper/")) console.log(`${rest.slice(7)} ${path.slice(5)}`);
}
