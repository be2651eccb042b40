// expect: IS1044 at 5:12
interface Mount {
  target: string;
}
function f(m: Mount = { target: "/" }): void {
  console.log(m.target);
}
f();
