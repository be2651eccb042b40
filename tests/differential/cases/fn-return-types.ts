function s(): string {
  return "str";
}
function n(): number {
  return -12;
}
function b(): boolean {
  return n() < 0;
}
function v(): void {
  console.log("void called");
}
function su(flag: boolean): string | undefined {
  if (flag) {
    return "present";
  }
  return undefined;
}
console.log(n(), s(), b());
v();
console.log(su(true));
console.log(su(false));
console.log(`${s()}${n()}${b()}${su(false)}`);
const x = su(true) ?? "none";
console.log(x.length);
