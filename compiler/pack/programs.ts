import type { CpioEntry } from "./cpio.ts";

/**
 * What programs that busybox lacks need in an initramfs besides themselves and their libraries
 * (../shared/BOOT-TESTING.md, measured): LVM must not wait for udev, which an initramfs of
 * initsh's does not run, and wants its run and lock folders; cryptsetup wants its run folder.
 */
const LVM_CONF = `# Written by initsh pack: an initramfs without udev.
devices {
  obtain_device_list_from_udev = 0
  use_devicesfile = 0
}
activation {
  udev_sync = 0
  udev_rules = 0
  monitoring = 0
}
global {
  use_lvmpolld = 0
}
`;

const dir = (path: string): CpioEntry => ({ kind: "dir", path, mode: 0o755 });

const lvm = [
  { entry: { kind: "file", path: "/etc/lvm/lvm.conf", mode: 0o644, data: Buffer.from(LVM_CONF) } as CpioEntry, reason: "LVM's configuration without udev" },
  { entry: dir("/run/lvm"), reason: "LVM's run folder" },
  { entry: dir("/run/lock/lvm"), reason: "LVM's lock folder" },
];

/** By program name: the entries it needs, and why. */
export const PROGRAM_SUPPORT: Record<string, { entry: CpioEntry; reason: string }[]> = {
  lvm,
  vgchange: lvm,
  vgscan: lvm,
  lvchange: lvm,
  pvscan: lvm,
  cryptsetup: [{ entry: dir("/run/cryptsetup"), reason: "cryptsetup's run folder" }],
  mdadm: [{ entry: dir("/run/mdadm"), reason: "mdadm's run folder" }],
};
