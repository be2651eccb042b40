/**
 * The seed init's scenario matrix (issue: the seed systems): the machines the original
 * ../shared/seeds/seed-init.sh and its port are booted on, side by side. Each is an initramfs
 * laid out as the seed expects (/mnt, /linuxrc, the top-level folders it copies, the
 * initramfs's own /sbin/init) with the disks the parameters name; the root filesystems' files
 * are modelled (`files`), so the seed's `[ -d /mnt/etc ]` sees what a real kernel shows.
 */
import type { Scenario } from "../../testing/types.ts";

/** A root filesystem as the seed checks for one: /etc, the init, /dev to copy device nodes into. */
const ROOT_FILES = { "/etc/fstab": "", "/sbin/init": { content: "\u007fELF", mode: 0o755 }, "/dev/.keep": "" };

/** The initramfs: what the seed's default path copies into the tmpfs and switches to. */
function initramfs(extra: Scenario): Scenario {
  return {
    shell: "busybox",
    dirs: ["/mnt", "/boot", "/home", "/root", "/run", "/var", "/etc", "/lib"],
    ...extra,
    files: {
      "/linuxrc": { content: "\u007fELF", mode: 0o755 },
      // The initramfs's own init, which the seed execs when it skips the tmpfs.
      "/sbin/init": { content: "#!/bin/sh\necho 'the initramfs init'\nexec poweroff -f\n", mode: 0o755 },
      ...extra.files,
    },
  };
}

export interface SeedCase {
  name: string;
  scenario: Scenario;
}

export const SEED_MATRIX: SeedCase[] = [
  { name: "no parameters", scenario: initramfs({ cmdline: "quiet" }) },
  { name: "rootfssize=512m", scenario: initramfs({ cmdline: "rootfssize=512m" }) },
  { name: "rootfssize=bogus", scenario: initramfs({ cmdline: "rootfssize=bogus" }) },
  {
    name: "cryptoroot= LUKS",
    scenario: initramfs({
      cmdline: "cryptoroot=/dev/vda",
      devices: [{ name: "vda", luks: { passphrase: "secret", contents: { type: "ext4", files: ROOT_FILES } } }],
      console: ["secret"],
    }),
  },
  {
    name: "lvmroot=",
    scenario: initramfs({
      cmdline: "lvmroot=vg-root",
      devices: [{ name: "vda", type: "LVM2_member" }],
      volumeGroups: [{ name: "vg", pvs: ["/dev/vda"], lvs: [{ name: "root", type: "ext4", files: ROOT_FILES }] }],
    }),
  },
  {
    name: "mount= by device name, subroot=",
    scenario: initramfs({
      cmdline: "mount=vda subroot=slax",
      utilLinux: true,
      devices: [{ name: "vda", type: "ext4", files: { "/slax/sbin/init": { content: "\u007fELF", mode: 0o755 } } }],
    }),
  },
  {
    name: "mount=UUID=",
    scenario: initramfs({
      cmdline: "mount=UUID=1234-abcd",
      utilLinux: true,
      devices: [{ name: "vda", type: "ext4", uuid: "1234-abcd", files: { "/slax/x": "" } }],
    }),
  },
  {
    name: "mount= with the USB storage retry",
    scenario: initramfs({
      cmdline: "mount=sda1",
      utilLinux: true,
      devices: [{ name: "sda1", type: "ext4", files: { "/x": "" } }],
      files: { "/sys/module/usb_storage/parameters/delay_use": "1\n" },
      commands: [{ argv: ["mount", "/dev/sda1", "/mnt"], exit: 255, stderr: "mount: mounting /dev/sda1 on /mnt failed: No such device or address\n", times: 1 }],
    }),
  },
  {
    name: "loopfs= and bindfs=",
    scenario: initramfs({
      cmdline: "mount=vda loopfs=slax/root.img bindfs=data,inner",
      utilLinux: true,
      devices: [{ name: "vda", type: "ext4", files: { "/slax/root.img": "" } }],
      images: { "/mnt/slax/root.img": { type: "ext4", files: { "/data/inner/.keep": "", "/etc/x": "" } } },
    }),
  },
];
