/**
 * A typical initramfs init: find the root filesystem named on the kernel command line (by
 * /dev path, LABEL=, UUID=, PARTUUID= or PARTLABEL=), mount it and hand over to its init.
 *
 * Kernel parameters: root= (required), rootfstype= (default ext4), rootdelay= (seconds to
 * wait for the device, default 10), rw (mount read-write), init= (default /sbin/init),
 * modules=a,b (extra kernel modules), debug (trace every command), rd.emergency=reboot|poweroff.
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

  for (const list of cmdline.all("modules")) {
    for (const name of list.split(",")) {
      if (name !== "" && !modprobe(name)) log.warn(`module ${name} did not load`);
    }
  }

  const root = parseDeviceSpec(cmdline.string("root", "")) ?? rescueShell("root= is missing or is not /dev/…, LABEL=…, UUID=…, PARTUUID=… or PARTLABEL=…");
  const type = rootFsType(cmdline.string("rootfstype", "ext4")) ?? rescueShell("rootfstype= names a filesystem this init does not mount");
  const device = waitForDevice(root, cmdline.int("rootdelay", 10)) ?? rescueShell(`the root device ${root} did not appear`);

  mount(device, "/newroot", { type, readonly: !cmdline.flag("rw") }) || rescueShell(`cannot mount ${device} on /newroot`);
  log.ok(`Mounted ${root} (${device}) on /newroot`);
  switchRoot("/newroot", cmdline.string("init", "/sbin/init"), ...cmdline.args());
}
