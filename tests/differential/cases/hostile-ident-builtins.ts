function echo(s: string): string {
  return `<echo ${s}>`;
}
function printf(s: string): string {
  return `<printf ${s}>`;
}
function test(n: number): boolean {
  return n > 0;
}
function read(): string {
  return "read";
}
function set(v: number): number {
  return v + 1;
}
function exit(code: number): string {
  return `exit ${code}`;
}
function shift(): string {
  return "shift";
}
function cd(dir: string): string {
  return `cd ${dir}`;
}
function trap(): string {
  return "trap";
}
function command(): string {
  return "command";
}
function exec(): string {
  return "exec";
}
function unset(): string {
  return "unset";
}
console.log(echo("hi"));
console.log(printf("%s"));
console.log(test(1), test(-1));
console.log("::", read(), set(1), exit(3));
console.log("::", shift(), cd("/"), trap(), command(), exec(), unset());
console.log("normal output still works");
