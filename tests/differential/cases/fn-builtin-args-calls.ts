function n(x: number): number {
  return x;
}
function s(x: string): string {
  return x;
}
const text = "hello world";
console.log(text.slice(n(2), n(7)));
console.log(text.substring(n(8), n(3)));
console.log(text.replace(s("o"), s("0")));
console.log(text.replaceAll(s("l"), s("L")));
console.log(text.startsWith(s("he")), text.endsWith(s("ld")), text.includes(s("o w")));
console.log(text.indexOf(s("w")) + n(1));
console.log(s("ab").repeat(n(3)));
console.log(["a", "b"].join(s("--")));
console.log(Math.floor(n(17) / n(5)), Math.trunc(n(-17) / n(5)));
console.log(n(3) === n(3), n(2) < n(1), s("a") === s("b"));
console.log(n(1) > 0 ? s("yes") : s("no"));
console.log("::", String(n(42)) + s("!"), Number(s("12")) + n(1), parseInt(s("9z"), 10) * n(2));
console.log(`${s("a")}${n(1)}${s("b")}${n(2)}`);
console.log(s("x") + n(1) + s("y") + n(2));
