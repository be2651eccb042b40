function tally(words: string[]): string {
  const t = { short: 0, long: 0, empty: 0, last: "" };
  for (const w of words) {
    if (w === "") {
      t.empty++;
    } else if (w.length < 4) {
      t.short += 1;
    } else {
      t.long = t.long + 1;
    }
    t.last = w;
  }
  return `short=${t.short} long=${t.long} empty=${t.empty} last=[${t.last}]`;
}
console.log(tally(["a", "abcd", "", "xyz", "hello"]));
console.log(tally([]));
console.log(tally(["", ""]));
