function rev(s: string): string {
  if (s.length <= 1) {
    return s;
  }
  return rev(s.slice(1)) + s.slice(0, 1);
}
function isPal(s: string): boolean {
  if (s.length < 2) {
    return true;
  }
  if (s.slice(0, 1) !== s.slice(-1)) {
    return false;
  }
  return isPal(s.slice(1, -1));
}
console.log(rev("initsh"));
console.log(`[${rev("")}]`);
console.log(rev("a b c"));
for (const w of ["racecar", "abba", "abc", "", "a"]) {
  console.log(`${w}: ${isPal(w)}`);
}
