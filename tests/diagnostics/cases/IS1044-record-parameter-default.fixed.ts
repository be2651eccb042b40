interface Mount {
  target: string;
}
function f(m: Mount): void {
  console.log(m.target);
}
f({ target: "/" });
