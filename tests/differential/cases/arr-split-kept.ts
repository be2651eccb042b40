// Split arrays only walked and tested are kept as the text they were split from (lower/analyses/split-arrays.ts).
const hostile = ["", "a b", "*", "?", "[x]", "-n", "-e", "\\n", "back\\slash", "$(echo hi)", "`id`", "'q'", '"dq"', "line\nbreak", "%", "#"];

/** Every field, bracketed, and how many there were (every array it is given is split by ":"). */
function show(label: string, fields: string[]): void {
  let out = "";
  let n = 0;
  for (const f of fields) {
    out += `[${f}]`;
    n++;
  }
  console.log(`${label}: ${n} ${out}`);
}
/** The same for arrays split by other separators, each walked where it is made. */
let out = "";
let n = 0;

// Hostile fields, empty ones first, last and in between, by a one-character separator.
let text = ":";
for (const h of hostile) text += `${h}:`;
const fields = text.split(":");
show("hostile", fields);
// Tested for a computed value: made as an array.
const probed = text.split(":");
for (const h of hostile) console.log(`has ${JSON_like(h)}: ${probed.includes(h === "" ? "" : "never")} ${probed.includes(h)}`);
console.log(fields.includes(""), fields.includes("a b"), fields.includes("[x]"), fields.includes("*"), fields.includes("?"), fields.includes("x"));
console.log(fields.includes("line\nbreak"), fields.includes("line"), fields.includes("$(echo hi)"), fields.includes("a"));

function JSON_like(s: string): string {
  return `<${s}>`;
}

// The empty text is one empty field; a text of separators only is all empty fields.
const none = "".split(":");
show("empty", none);
console.log(none.includes(""), none.includes("x"));
show("none", none);
show("inline", "::a".split(":"));
show("inline empty", "".split(":"));
const commas = ",,".split(",");
out = "";
n = 0;
for (const f of commas) {
  out += `[${f}]`;
  n++;
}
console.log(`commas: ${n} ${out}`);
console.log(commas.includes(""));

// Separators longer than one character, glob characters, a newline.
const arrows = "a->b->->c->".split("->");
out = "";
n = 0;
for (const f of arrows) {
  out += `[${f}]`;
  n++;
}
console.log(`arrows: ${n} ${out}`);
console.log(arrows.includes("b"), arrows.includes(""), arrows.includes("-"), arrows.includes(">"), arrows.includes("a-"));
const stars = "*a**b*".split("*");
out = "";
n = 0;
for (const f of stars) {
  out += `[${f}]`;
  n++;
}
console.log(`stars: ${n} ${out}`);
console.log(stars.includes("a"), stars.includes(""), stars.includes("ab"));
const brackets = "x[?]y[?][?]z".split("[?]");
out = "";
n = 0;
for (const f of brackets) {
  out += `[${f}]`;
  n++;
}
console.log(`brackets: ${n} ${out}`);
console.log(brackets.includes("y"), brackets.includes(""), brackets.includes("x[?]y"), brackets.includes("?"));
const lines = "one\ntwo words\n\nthree\n".split("\n");
out = "";
n = 0;
for (const f of lines) {
  out += `[${f}]`;
  n++;
}
console.log(`lines: ${n} ${out}`);
console.log(lines.includes("two words"), lines.includes("two"), lines.includes(""), lines.includes("three"));

// A separator that overlaps itself is not kept as text, and still splits as JS does.
const doubled = "aaabaaaa".split("aa");
out = "";
n = 0;
for (const f of doubled) {
  out += `[${f}]`;
  n++;
}
console.log(`doubled: ${n} ${out}`);
console.log(doubled.includes("a"), doubled.includes(""), doubled.includes("b"));

// Walks with break and continue, nested walks, and includes as a condition.
const cmdline = "console=ttyS0 root=/dev/sda1  quiet debug root=LABEL=live init=/sbin/init";
const words = cmdline.split(" ");
let root = "none";
for (const w of words) {
  if (w === "") continue;
  if (w.startsWith("init=")) break;
  if (w.startsWith("root=")) root = w.slice(5);
}
console.log(`root=${root}`);
if (words.includes("quiet")) console.log("quiet");
if (!words.includes("splash")) console.log("no splash");
if (words.includes("debug") && !words.includes("nodebug")) console.log("debug on");
const verbose = words.includes("verbose") || words.includes("debug");
console.log(`verbose=${verbose} ${words.includes("root=/dev/sda1") ? "sda1" : "other"}`);
for (const a of "1 2 3".split(" ")) {
  const inner = "x y".split(" ");
  for (const b of inner) {
    if (b === "y" && a === "2") continue;
    console.log(`${a}${b}`);
  }
}

// Passed to functions whose parameters are only walked and tested, twice, and recursively.
function lastValue(list: string[], name: string): string | undefined {
  let found: string | undefined;
  for (const item of list) if (item.startsWith(`${name}=`)) found = item.slice(name.length + 1);
  return found;
}
function hasFlag(list: string[], depth: number): boolean {
  if (depth > 0) return hasFlag(list, depth - 1);
  return list.includes("debug");
}
const countOf = (list: string[]): number => {
  let n = 0;
  for (const _ of list) n++;
  return n;
};
console.log("values", lastValue(words, "root") ?? "unset", lastValue(words, "init") ?? "unset", lastValue(words, "console") ?? "unset", lastValue(words, "nothing") ?? "unset");
console.log(hasFlag(words, 3), hasFlag("a b".split(" "), 1), countOf(words), countOf("".split(" ")), countOf("a  b".split(" ")));

// A parameter given arrays split by different separators, or an array used another way, or a
// function that also gets a made array: all still right (they are made as arrays).
function joinAll(list: string[]): string {
  let out = "";
  for (const x of list) out += `<${x}>`;
  return out;
}
console.log("joinAll", joinAll("a,b".split(",")), joinAll("c d".split(" ")), joinAll(["e", "f"]));
const measured = "p:q:r".split(":");
console.log(measured.length, measured.includes("q"));
const indexed = "p:q:r".split(":");
for (const x of indexed) console.log("indexed", x, indexed[1] ?? "");
const tested = "p:q:r".split(":");
const wanted = "q";
console.log(tested.includes(wanted), tested.includes("q:r"));

// Walked inside a function declared after it, and read by a nested arrow: made as an array.
const outer = "m n".split(" ");
function walkOuter(): string {
  let s = "";
  for (const x of outer) s += x;
  return s;
}
console.log(walkOuter());
