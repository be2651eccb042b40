let root = "/dev/sda" as string | undefined;
function forget(): void {
  root = undefined;
}
const reset = (): void => forget();
const checked = root;
if (checked !== undefined) {
  reset();
  console.log(checked);
}
console.log(root ?? "forgotten");
