/** The commands the fake root provides, all as links to the one shim script. */

/** Commands with a behaviour of their own (see testing/README.md). */
export const MODELLED_COMMANDS = [
  "mount", "umount", "modprobe", "cryptsetup", "lvm", "vgchange", "lvchange", "vgscan", "pvscan", "vgs", "lvs", "pvs",
  "mdadm", "dmraid", "losetup", "findfs", "switch_root", "pivot_root", "chroot", "sleep", "usleep", "sh", "ash",
  "stty", "reboot", "poweroff", "halt", "setsid", "cttyhack", "busybox", "mknod", "free",
] as const;

/**
 * Applets of busybox 1.35 that only read and write files: after the call is traced, the real
 * busybox-static applet runs on the fake root (so `cp -a` copies, `cat` prints, `sed` edits).
 * Reads of a simulated disk (`od`, `hexdump`, `xxd`, `dd`, `cat`, `head`, `cmp`, `strings` on
 * `/dev/DISK`) read its synthesized partition table instead.
 */
export const FILE_APPLETS = [
  "cat", "grep", "egrep", "fgrep", "sed", "awk", "cut", "tr", "ls", "cp", "mv", "rm", "ln", "touch", "chmod", "chown",
  "chgrp", "rmdir", "mkdir", "head", "tail", "wc", "sort", "uniq", "find", "xargs", "dd", "cpio", "gzip", "gunzip",
  "zcat", "xz", "unxz", "xzcat", "basename", "dirname", "readlink", "realpath", "expr", "seq", "od", "hexdump", "xxd",
  "stat", "mktemp", "tee", "mkfifo", "truncate", "cmp", "strings", "tac", "rev", "echo", "printf", "true", "false",
  "test",
] as const;

/** The file applets whose operands naming a simulated disk read its partition table image instead. */
export const DISK_READERS = ["od", "hexdump", "xxd", "dd", "cat", "head", "cmp", "strings"] as const;

/**
 * Commands that only log and succeed, printing nothing (a scenario override can make them
 * answer): they need privileges or hardware the namespace does not have, and are not modelled.
 */
export const GENERIC_COMMANDS = [
  "sync", "dmesg", "udevadm", "mdev", "udevd", "systemd-udevd", "insmod", "rmmod", "depmod", "lsmod", "modinfo",
  "fsck", "e2fsck", "fsck.ext4", "swapon", "swapoff", "blockdev", "partx", "kpartx", "dmsetup", "plymouth", "loadkmap",
  "setfont", "kbd_mode", "hostname", "ip", "ifconfig", "killall", "clear", "resume",
] as const;

/**
 * util-linux tools that busybox-static does not have: present only when the scenario says the
 * image carries util-linux (`utilLinux: true`), even when a compiled init names them.
 */
export const UTIL_LINUX_ONLY = ["blkid", "mountpoint"] as const;

/** Every command that gets a shim by default. */
export const SHIM_NAMES: readonly string[] = [...MODELLED_COMMANDS, ...FILE_APPLETS, ...GENERIC_COMMANDS];

/** Whether NAME can be a command in /usr/bin of the fake root. */
export function isCommandName(name: string): boolean {
  return /^[A-Za-z0-9_+][A-Za-z0-9._+-]*$/.test(name);
}
