function mount(dev: string, dir: string = "/mnt", fstype: string = "auto", ro: boolean = false): string {
  return `mount -t ${fstype}${ro ? " -o ro" : ""} ${dev} ${dir}`;
}
console.log(mount("/dev/sda1"));
console.log(mount("/dev/sda1", "/boot"));
console.log(mount("/dev/sda1", "/boot", "vfat"));
console.log(mount("/dev/sda1", "/boot", "vfat", true));
console.log(mount("/dev/sdb", undefined, "ext4"));
console.log(mount("/dev/sdc", "", ""));
function retries(n: number = 3): number {
  return n;
}
console.log(retries(), retries(0), retries(undefined), retries(-1));
