// expect: IS1001 at 5:13
function tag(parts: readonly string[]): string {
  return parts.join("");
}
console.log(tag`boot`);
