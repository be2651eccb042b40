// expect: IS1018 at 5:19
interface Mount {
  target: string;
}
function describe(m: Mount | undefined): string {
  return m === undefined ? "none" : m.target;
}
console.log(describe({ target: "/" }));
