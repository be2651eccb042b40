// expect: IS1028 at 5:7
interface Mount {
  target: string;
}
const mounts: Mount[] = [{ target: "/" }, { target: "/boot" }];
console.log(mounts.length);
