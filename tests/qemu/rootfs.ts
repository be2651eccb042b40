/**
 * The real root filesystem the init hands over to: an ext4 image made without root
 * (`mke2fs -d`), whose `/sbin/init` prints a success marker with its PID and the mount table,
 * then powers the machine off.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runChecked } from "./run.ts";

/** The line the root's /sbin/init prints first: `INITSH-ROOT-REACHED pid=<its pid>`. */
export const ROOT_MARKER = "INITSH-ROOT-REACHED";

/** Each line of the root's /proc/mounts is printed after this prefix. */
export const MOUNT_PREFIX = "INITSH-ROOT-MOUNT ";

/** The root's /sbin/init: marker, mount table, power off (without which QEMU would wait). */
export const ROOT_INIT = `#!/bin/busybox sh
echo "${ROOT_MARKER} pid=$$" >/dev/console
while read -r line; do echo "${MOUNT_PREFIX}$line"; done </proc/mounts >/dev/console
/bin/busybox poweroff -f
`;

/** What the root image is made of. */
export interface RootImageSpec {
  /** The busybox-static binary to put at /bin/busybox. */
  busybox: string;
  /** The filesystem label (root=LABEL=…; at most 16 bytes, spaces allowed). */
  label: string;
  /** The filesystem UUID (root=UUID=…); a random one when absent. */
  uuid?: string;
  /** Path of mke2fs. */
  mke2fs: string;
  /** Where to write the raw image. */
  out: string;
}

/** Writes a 64 MiB ext4 image (4 KiB blocks, owner 0:0) and returns its path. */
export function buildRootImage(spec: RootImageSpec): string {
  const stage = mkdtempSync(join(tmpdir(), "initsh-qemu-root-"));
  try {
    // /dev, /proc and /sys must exist: switchRoot moves the initramfs mounts onto them.
    for (const dir of ["bin", "sbin", "dev", "proc", "sys", "run", "tmp"]) mkdirSync(join(stage, dir));
    copyFileSync(spec.busybox, join(stage, "bin", "busybox"));
    chmodSync(join(stage, "bin", "busybox"), 0o755);
    writeFileSync(join(stage, "sbin", "init"), ROOT_INIT);
    chmodSync(join(stage, "sbin", "init"), 0o755);
    rmSync(spec.out, { force: true });
    const uuid = spec.uuid === undefined ? [] : ["-U", spec.uuid];
    runChecked(spec.mke2fs, ["-q", "-t", "ext4", "-b", "4096", "-L", spec.label, ...uuid, "-E", "root_owner=0:0", "-d", stage, spec.out, "64M"]);
    return spec.out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
