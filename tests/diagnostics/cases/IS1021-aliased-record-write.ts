// expect: IS1021 at 9:1
interface Mount {
  target: string;
}
function show(m: Mount): void {
  console.log(m.target);
}
const m: Mount = { target: "/" };
m.target = "/sysroot";
show(m);
