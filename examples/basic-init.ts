/**
 * A typical initramfs init: find the root filesystem named on the kernel command line (by
 * /dev path, LABEL=, UUID=, PARTUUID= or PARTLABEL=), mount it and hand over to its init.
 *
 * The kernel parameters it reads are documented where it reads them: `npx initsh params
 * examples/basic-init.ts` lists them (the README shows the list).
 */
import {
  cmdline,
  earlySetup,
  log,
  modprobe,
  mount,
  parseDeviceSpec,
  rescueShell,
  switchRoot,
  waitForDevice,
  type DiskFsType,
} from "initsh";

/** The filesystem types this init accepts for root=, by the names rootfstype= uses. */
function rootFsType(name: string): DiskFsType | undefined {
  switch (name) {
    case "ext4":
    case "ext3":
    case "ext2":
    case "xfs":
    case "btrfs":
    case "f2fs":
    case "squashfs":
      return name;
    default:
      return undefined;
  }
}

export default function init(): never {
  earlySetup() || rescueShell("cannot mount /proc, /sys and /dev");
  log.info("initsh: basic init");

  /** Extra kernel modules to load first, comma-separated; may be given more than once (`modules=virtio_pci,virtio_blk`). */
  for (const list of cmdline.all("modules")) {
    for (const name of list.split(",")) {
      if (name !== "" && !modprobe(name)) log.warn(`module ${name} did not load`);
    }
  }

  /** The root filesystem's device (required): `/dev/vda1`, `LABEL=root`, `UUID=…`, `PARTUUID=…` or `PARTLABEL=…`. */
  const root = parseDeviceSpec(cmdline.string("root", "")) ?? rescueShell("root= is missing or is not /dev/…, LABEL=…, UUID=…, PARTUUID=… or PARTLABEL=…");
  /** The root filesystem's type: ext4, ext3, ext2, xfs, btrfs, f2fs or squashfs. */
  const type = rootFsType(cmdline.string("rootfstype", "ext4")) ?? rescueShell("rootfstype= names a filesystem this init does not mount");
  /** How many seconds to wait for the root device to appear. */
  const device = waitForDevice(root, cmdline.int("rootdelay", 10)) ?? rescueShell(`the root device ${root} did not appear`);

  /** `rw`: mount the root filesystem read-write (it is mounted read-only otherwise). */
  mount(device, "/newroot", { type, readonly: !cmdline.flag("rw") }) || rescueShell(`cannot mount ${device} on /newroot`);
  log.ok(`Mounted ${root} (${device}) on /newroot`);
  /** The program to start as PID 1 on the root filesystem; the words after `--` are its arguments. */
  switchRoot("/newroot", cmdline.string("init", "/sbin/init"), ...cmdline.args());
}
