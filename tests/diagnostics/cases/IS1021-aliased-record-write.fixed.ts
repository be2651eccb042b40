interface Mount {
  target: string;
}
function show(m: Mount): void {
  console.log(m.target);
}
const m: Mount = { target: "/" };
const moved: Mount = { target: "/sysroot" };
show(m);
show(moved);
