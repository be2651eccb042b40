const results: string[] = [];
function permute(prefix: string, rest: string): void {
  if (rest.length === 0) {
    results.push(prefix);
    return;
  }
  for (let i = 0; i < rest.length; i++) {
    const c = rest.slice(i, i + 1);
    const remaining = rest.slice(0, i) + rest.slice(i + 1);
    permute(prefix + c, remaining);
  }
}
permute("", "abcd");
console.log(results.length);
console.log(results.join(" "));
permute(">", "");
console.log(results.length, results[24]);
