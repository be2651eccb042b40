// expect: IS1027 at 5:15
interface Mount {
  target: string;
}
function show({ target }: Mount): string {
  return target;
}
console.log(show({ target: "/" }));
