// expect: IS1001 at 3:14
const root: string | undefined = "/dev/sda1";
if (root === null) {
  console.log("no root");
}
