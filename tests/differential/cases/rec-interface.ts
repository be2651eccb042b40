interface Mount {
  device: string;
  target: string;
  fstype: string;
  readonly: boolean;
  pass: number;
}
const root: Mount = { device: "/dev/sda1", target: "/", fstype: "ext4", readonly: false, pass: 1 };
const boot: Mount = { device: "/dev/sda2", target: "/boot", fstype: "vfat", readonly: true, pass: 2 };
function describe(m: Mount): string {
  return `${m.device} on ${m.target} type ${m.fstype} (${m.readonly ? "ro" : "rw"}) pass ${m.pass}`;
}
console.log(describe(root));
console.log(describe(boot));
console.log(root.pass + boot.pass);
console.log(root.target === "/", boot.readonly);
