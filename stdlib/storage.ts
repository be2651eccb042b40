import { callSite, capture, run, type DevicePath } from "../dsl/index.ts";
import { log } from "./log.ts";

/** LVM volume groups, through the `lvm` program. */
export namespace lvm {
  /**
   * Activates the logical volumes of one volume group, or of all of them, so they appear as
   * `/dev/mapper/<vg>-<lv>` (`lvm vgchange -ay`).
   * @fallible
   */
  export function activate(volumeGroup?: string): boolean {
    const ok = volumeGroup === undefined ? run("lvm", "vgchange", "-ay", "--sysinit") : run("lvm", "vgchange", "-ay", "--sysinit", volumeGroup);
    if (!ok) log.fail(`${callSite()}: lvm could not activate ${volumeGroup ?? "the volume groups"}`);
    return ok;
  }
}

/** Linux software RAID, through `mdadm`. */
export namespace mdraid {
  /**
   * Assembles every array found on the disks (`mdadm --assemble --scan`). mdadm starts an
   * array once enough of its members are present for its level to run — a mirror from one
   * disk, degraded — and fails when it finds nothing new to assemble (also when every array
   * is running already).
   * @fallible
   */
  export function assemble(): boolean {
    const ok = run("mdadm", "--assemble", "--scan");
    if (!ok) log.fail(`${callSite()}: mdadm could not assemble the RAID arrays`);
    return ok;
  }
}

/** Firmware ("fake") RAID sets, through `dmraid`. */
export namespace dmraid {
  /**
   * Activates every RAID set found (`dmraid -ay`).
   * @fallible
   */
  export function activate(): boolean {
    const ok = run("dmraid", "-ay");
    if (!ok) log.fail(`${callSite()}: dmraid could not activate the RAID sets`);
    return ok;
  }
}

/**
 * Attaches a file to the first free loop device and returns that device's path: `losetup -f`
 * names the device, `losetup DEVICE FILE` attaches it (busybox's losetup has no `--show`).
 *
 * @fallible
 * @example
 * const dev = losetup("/mnt/live/root.img") ?? rescueShell("no free loop device");
 */
export function losetup(file: string): DevicePath | undefined {
  const dev = capture("losetup", "-f");
  if (dev === undefined || !dev.startsWith("/dev/") || !run("losetup", dev, file)) {
    log.fail(`${callSite()}: losetup ${file} failed`);
    return undefined;
  }
  return dev as DevicePath;
}
