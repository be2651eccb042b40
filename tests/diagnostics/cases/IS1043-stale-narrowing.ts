// expect: IS1043 at 9:15
let root = "/dev/sda" as string | undefined;
function forget(): void {
  root = undefined;
}
const reset = (): void => forget();
if (root !== undefined) {
  reset();
  console.log(root);
}
