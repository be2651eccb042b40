// split by literal separators with and without a border (a shorter text that both starts and
// ends them): every field, empty ones too, as JS makes them.
const show = (parts: string[]): string => `${parts.length}:[${parts.join("|")}]`;
const texts = ["", "a", "aa", "aaa", "aaaa", "xaay", "a,b,,c,", ",", ", , ,", "abab", "ababab", "aba", "::a:::b::", ":", "x::", "a*b", "[x] ?"];
for (const t of texts) {
  console.log("text", `"${t}":`, show(t.split(",")), show(t.split(", ")), show(t.split("ab")), show(t.split("*")));
  console.log("text", `"${t}":`, show(t.split("aa")), show(t.split("aba")), show(t.split("::")), show(t.split("?")));
}
