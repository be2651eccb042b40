/** The commands the fake root provides, all as links to the one shim script. */

/** Commands with a behaviour of their own (see testing/README.md). */
export const MODELLED_COMMANDS = [
  "mount", "umount", "modprobe", "cryptsetup", "lvm", "vgchange", "lvchange", "vgscan", "pvscan", "vgs", "lvs", "pvs",
  "mdadm", "dmraid", "losetup", "findfs", "blkid", "switch_root", "pivot_root", "chroot", "sleep", "usleep", "sh", "ash",
  "stty", "reboot", "poweroff", "halt", "mkdir", "setsid", "cttyhack", "nohup", "busybox",
] as const;

/** Commands that only log and succeed, printing nothing (a scenario override can make them answer). */
export const GENERIC_COMMANDS = [
  "cat", "grep", "sed", "awk", "cut", "tr", "ls", "cp", "mv", "rm", "ln", "mknod", "touch", "chmod", "chown", "rmdir",
  "head", "tail", "wc", "sort", "uniq", "find", "dd", "cpio", "gzip", "zcat", "xz", "unxz", "basename", "dirname",
  "readlink", "realpath", "expr", "seq", "sync", "dmesg", "udevadm", "mdev", "udevd", "systemd-udevd", "insmod", "rmmod",
  "depmod", "lsmod", "modinfo", "mountpoint", "fsck", "e2fsck", "fsck.ext4", "swapon", "swapoff", "blockdev", "partx",
  "kpartx", "dmsetup", "plymouth", "loadkmap", "setfont", "kbd_mode", "hostname", "ip", "ifconfig", "killall", "clear",
  "resume",
] as const;

/** Every command that gets a shim by default. */
export const SHIM_NAMES: readonly string[] = [...MODELLED_COMMANDS, ...GENERIC_COMMANDS];

/** Whether NAME can be a command in /usr/bin of the fake root. */
export function isCommandName(name: string): boolean {
  return /^[A-Za-z0-9_+][A-Za-z0-9._+-]*$/.test(name);
}
