// Arrays only pushed onto and joined are kept as their joined text (lower/analyses/joined-arrays.ts).
const hostile = ["", "a b", "*", "?", "[x]", "-n", "-e", "\\n", "back\\slash", "$(echo hi)", "`id`", "'q'", '"dq"', "line\nbreak", ":", "::"];

// Every hostile element, empty ones first and last, joined by a one-character separator.
const kept: string[] = [];
for (const h of hostile) kept.push(h);
kept.push("");
console.log(`[${kept.join(":")}]`);

// Separators that are glob syntax, or longer than one character, or the default ",".
const stars: string[] = [];
stars.push("*", "", "**");
console.log(stars.join("*"));
const globby: string[] = [];
globby.push("[a]", "?", "");
console.log(globby.join("[?]"));
const commas: string[] = [];
commas.push("x", "", "y,z");
console.log(commas.join());
const glued: string[] = [];
glued.push("a", "", "b");
console.log(`${glued.join("")} ${glued.join("")}`);
const empty: string[] = [];
console.log(`<${empty.join("-")}>`);
const onlyEmpty: string[] = [];
onlyEmpty.push("");
console.log(onlyEmpty.join("-") === "", `<${onlyEmpty.join("-")}>`);

// Numbers and booleans, joined as JS prints them.
const nums: number[] = [];
for (let i = -2; i <= 2; i++) nums.push(i * 7);
console.log(nums.join(" "));
const flags: boolean[] = [];
flags.push(true, false);
console.log(flags.join("/"));

// Items evaluated left to right; a call between pushes sees nothing of the array.
let calls = 0;
function next(tag: string): string {
  calls++;
  console.log(`next(${tag}) call ${calls}`);
  return `${tag}${calls}`;
}
const order: string[] = [];
order.push(next("a"), next("b"));
order.push(next("c"));
console.log(order.join(", "));

// Joined twice, and pushed again in between: each join sees the pushes before it.
const twice: string[] = [];
twice.push("one");
const first = twice.join("+");
twice.push("two");
console.log(`${first} ${twice.join("+")}`);
twice.push(twice.join("+"));
console.log(twice.join("+"));

// In a function, fresh on every call (recursion included), and in a loop body, fresh each pass.
function path(depth: number): string {
  const parts: string[] = [];
  parts.push(`d${depth}`);
  if (depth > 0) parts.push(path(depth - 1));
  parts.push(`e${depth}`);
  return parts.join("/");
}
console.log(path(3));
for (const word of ["ab", "", "c d"]) {
  const letters: string[] = [];
  letters.push(word, word);
  console.log(`(${letters.join("|")})`);
}

// Never joined: built and dropped, its items still evaluated.
const unread: string[] = [];
unread.push(next("u"));
console.log(calls);
