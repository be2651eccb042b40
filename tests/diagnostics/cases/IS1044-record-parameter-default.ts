// expect: IS1044 at 5:27
interface Mount {
  target: string;
}
function f(where: string, m: Mount = { target: where }): void {
  console.log(m.target);
}
f("/");
