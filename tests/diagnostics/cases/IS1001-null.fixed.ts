const root: string | undefined = "/dev/sda1";
if (root === undefined) {
  console.log("no root");
}
