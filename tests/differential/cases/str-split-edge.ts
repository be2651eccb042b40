function show(parts: string[]): string {
  return `${parts.length}:[${parts.join("|")}]`;
}
console.log(show("ab".split("abc")));
console.log(show("aXbX".split("X")));
console.log(show("XX".split("X")));
console.log(show("a".split("a")));
console.log(show("abab".split("ab")));
console.log(show("aaa".split("aa")));
console.log(show("a b".split("")));
console.log(show(" ".split(" ")));
console.log(show("--a--".split("-")));
console.log(show("x".split("")));
