/**
 * Conformance: each shim against the real busybox-static applet it models. The same script
 * runs twice on the same kind of machine: once with the shims, once with the applets under
 * test linked to the kit's busybox-static (`realApplets`: untraced, acting for real inside the
 * simulator's namespaces, where a tmpfs, a bind mount or a move can really be made). Every
 * command's stdout, stderr and exit status must be the same.
 *
 * What cannot be compared, because the namespace lacks the privilege or the hardware (the
 * model tests cover these): mounting a block device or proc/sysfs/devtmpfs (EPERM in a user
 * namespace), finding a filesystem by LABEL=/UUID= (no real device holds one), attaching a loop
 * device, making a device node, switch_root and chroot as PID 1 (they would take the machine
 * over), reboot without an error (it would signal or reboot), a mount table read back after a
 * real mount (the real applets do not update the simulated /proc/mounts), and pivot_root onto
 * the sandbox's own root (its inherited mounts are locked in a user namespace: EINVAL where
 * an initramfs gets EBUSY). The host's kernel answers the real applets' system calls: cases
 * stay with what Linux 6.1 answers alike.
 */
import { release } from "node:os";
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import type { Scenario, SimResult } from "../types.ts";
import { inlineInit } from "./helpers.ts";

/** The script's helpers: `t CMD…` runs CMD and prints it, its status, stdout and stderr. */
const PRELUDE = [
  `show() { while IFS= read -r l || [ -n "$l" ]; do printf '%s\\n' "$l"; done <"$1"; }`,
  `t() {`,
  `  printf '== %s\\n' "$*"`,
  `  "$@" >/cc/out 2>/cc/err </dev/null`,
  `  printf 'status=%s\\n' "$?"`,
  `  printf -- '-- stdout\\n'; show /cc/out`,
  `  printf -- '-- stderr\\n'; show /cc/err`,
  `}`,
].join("\n");

interface Group {
  /** What the group covers. */
  name: string;
  /** The applets that are the real busybox-static in the second run. */
  applets: string[];
  /** Script lines: `t CMD …` for a compared command, anything else to set up. */
  lines: string[];
  scenario?: Scenario;
}

const dirs = ["/cc", "/x", "/y", "/z", "/m", "/n", "/n2", "/f2", "/f3"];
const files = {
  "/file": "data\n",
  "/cc/fstab": "tmpfs /m tmpfs size=1m,mode=0700 0 0\n# comment\n/x /f2 none bind 0 0\nnone /f3 tmpfs noauto 0 0\n",
};

const groups: Group[] = [
  {
    name: "mount and umount: usage, option parsing, fstab, and what a user namespace can really mount",
    applets: ["mount", "umount"],
    lines: [
      "t mount",
      "t mount --help",
      "t umount --help",
      "t mount -x /m",
      "t mount -t",
      "t mount a b c",
      "t mount /m",
      "t mount -a",
      "t mount -T /nonexist /m",
      "t mount -T /cc/fstab /q",
      "t mount -t tmpfs tmpfs /nonexist",
      "t mount -t tmpfs tmpfs /file",
      "t mount -t tmpfs -o bogus tmpfs /m",
      "t mount -t tmpfs -o size=abc tmpfs /m",
      "t mount -t tmpfs -o mode=999 tmpfs /m",
      "t mount -t tmpfs -o huge=bogus tmpfs /m",
      "t mount -t tmpfs -o nr_inodes=5% tmpfs /m",
      "t mount -t nosuchfs none /m",
      "t mount -t tmpfs,nosuchfs -o size=10%,mode=0755,nr_inodes=100 tmpfs /m",
      "t mount -t ramfs ramfs /n",
      "t mount --bind /x /y",
      "t mount -o bind /nonexist /y",
      "t mount --bind /x /file",
      "t mount --move /x /z",
      "t mount --move /m /z",
      "mkdir /z/sub",
      "t mount --move /z /z/sub",
      "t mount -o remount,ro tmpfs /z",
      "t mount -o remount,size=20%,mode=0700 tmpfs /z",
      "t mount -o remount,bogus tmpfs /z",
      "t mount -o remount tmpfs /x",
      "t mount --make-private /z",
      "t mount --make-rslave /x",
      "t mount -t overlay overlay /n2",
      "t mount -t overlay -o lowerdir=/nonexist overlay /n2",
      "t mount -t overlay -o lowerdir=/x:/n overlay /n2",
      "t mount -t tmpfs -o nofail tmpfs /nonexist",
      "t umount /z",
      "t mount -T /cc/fstab /m",
      "t umount /m",
      "t mount -T /cc/fstab -a",
      "t umount",
      "t umount -R /x",
      "t umount -t",
      "t umount /nonexist",
      "t umount /x",
      "t umount /z",
      "t umount /n /n2",
      "t umount /m /f2 /f3",
      "t umount -l /y",
      "t umount /y",
      "t umount tmpfs",
    ],
  },
  {
    name: "switch_root, chroot and pivot_root: arguments, directories, mount points (not as PID 1)",
    applets: ["switch_root", "chroot", "pivot_root", "mount"],
    lines: [
      "t switch_root",
      "t switch_root --help",
      "t chroot --help",
      "t pivot_root --help",
      "t switch_root /x",
      "t switch_root -x /x /sbin/init",
      "t switch_root -c",
      "t switch_root /nonexist /sbin/init",
      "t switch_root /file /sbin/init",
      "t switch_root /x /sbin/init",
      "t switch_root -c /dev/console /x /sbin/init",
      "mount -t tmpfs tmpfs /m",
      "t switch_root /m /sbin/init",
      "t chroot",
      "t chroot /nonexist /bin/sh",
      "t chroot /file /bin/sh",
      "t chroot / /nonexist",
      "t chroot /x",
      "t chroot /x not-a-program",
      "t chroot /cc /out",
      "t pivot_root",
      "t pivot_root /x",
      "t pivot_root /x /y /z",
      "t pivot_root /nonexist /x",
      "t pivot_root /x /nonexist",
      "t pivot_root /file /x",
      "mkdir /m/old",
      "t pivot_root /m /m/old",
    ],
  },
  {
    name: "findfs, modprobe and losetup: forms and missing things",
    applets: ["findfs", "modprobe", "losetup"],
    scenario: {
      files: { [`/lib/modules/${release()}/modules.dep`]: "kernel/fs/ext4/ext4.ko:\n" },
      missingModules: ["nosuchmod", "nosuch-mod", "other"],
    },
    lines: [
      "t findfs",
      "t findfs --help",
      "t modprobe --help",
      "t losetup --help",
      "t findfs /dev/nowhere",
      "t findfs /dev/nowhere extra",
      "t findfs LABEL=nope",
      "t findfs LABEL=",
      "t findfs UUID=nope",
      "t findfs PARTUUID=x",
      "t findfs PARTLABEL=root",
      "t findfs nope",
      "t modprobe",
      "t modprobe nosuchmod",
      "t modprobe -q nosuchmod",
      "t modprobe nosuch-mod param=1",
      "t modprobe -a nosuchmod other",
      "t modprobe -r nosuchmod",
      "t modprobe -qv nosuchmod",
      "t modprobe -x nosuchmod",
      "t modprobe --quiet nosuchmod",
      "t modprobe -l -r nosuchmod",
      "t modprobe -ra nosuchmod",
      "t losetup",
      "t losetup -x",
      "t losetup a b c",
      "t losetup -f --show /file",
      "t losetup -da /dev/loop0",
      "t losetup -o",
      "t losetup /nonexist",
      "t losetup /dev/loop0",
      "t losetup -f",
      "t losetup -a",
      "t losetup -d /dev/loop0",
      "t losetup -f /nonexist",
      "t losetup /dev/loop3 /nonexist",
      "t losetup -c /dev/loop0",
    ],
  },
  {
    name: "sleep, usleep, reboot, setsid, cttyhack, mknod: arguments",
    applets: ["sleep", "usleep", "reboot", "poweroff", "halt", "setsid", "cttyhack", "mknod"],
    lines: [
      "t sleep",
      "t sleep --help",
      "t usleep --help",
      "t reboot --help",
      "t setsid --help",
      "t mknod --help",
      "t sleep x",
      "t sleep ''",
      "t sleep 1.5x",
      "t sleep 1..2",
      "t sleep .",
      "t sleep -1",
      "t sleep 1e3",
      "t sleep 0x10",
      "t sleep 1.5e",
      "t sleep 99999999999999999999",
      "t sleep 0",
      "t sleep 0.001 0s 0m .0001",
      "t sleep 00.0001h",
      "t usleep",
      "t usleep x",
      "t usleep -1",
      "t usleep 99999999999",
      "t usleep 1",
      "t reboot -x",
      "t poweroff -d",
      "t halt -d x",
      "t reboot -w",
      "t setsid",
      "t setsid -x",
      "t setsid no-such-program",
      "t cttyhack",
      "t mknod",
      "t mknod /cc/a",
      "t mknod /cc/a x",
      "t mknod /cc/a b 1",
      "t mknod /cc/a p 1 2",
      "t mknod /cc/fifo p",
      "t mknod /cc/fifo p",
      "t mknod -m 600 /cc/fifo2 p",
      "t mknod /nonexist/a p",
    ],
  },
  {
    name: "file utilities: the same applet either way (the shim's tracing and disk reads change nothing)",
    applets: ["cp", "mkdir", "od", "cat"],
    lines: ["t cp -a /nonexist /x", "t cp -a /x /z", "t mkdir /a/b", "t mkdir -p /a/b", "t od -A n -t x1 /file", "t cat /file /nonexist"],
  },
];

/** Runs a group's script; `real` links its applets to the real busybox-static. */
function run(group: Group, real: boolean): Promise<SimResult> {
  // The end: the rescue shell, always a shim (a real reboot -f would reboot the namespace).
  const script = inlineInit([PRELUDE, ...group.lines, "exec sh"].join("\n"));
  const scenario = group.scenario ?? {};
  return simulate(script, {
    ...scenario,
    dirs: [...dirs, ...(scenario.dirs ?? [])],
    files: { ...files, ...scenario.files },
    ...(real ? { realApplets: group.applets } : {}),
    timeoutMs: 20_000,
  });
}

describe("every shim answers as the real busybox-static applet", () => {
  for (const group of groups) {
    it(group.name, async () => {
      const [shims, real] = await Promise.all([run(group, false), run(group, true)]);
      const compared = group.lines.filter((l) => l.startsWith("t ")).length;
      // Both ran to the end, every case was printed, and the second really ran busybox's applets.
      expect(shims.outcome.kind, shims.console).toBe("rescue");
      expect(real.outcome.kind, real.console).toBe("rescue");
      expect(shims.console.match(/^status=/gm)).toHaveLength(compared);
      const ofGroup = (r: SimResult) => r.trace.filter((t) => group.applets.includes(t.argv[0]!)).length;
      expect(ofGroup(shims)).toBeGreaterThanOrEqual(compared);
      expect(ofGroup(real)).toBe(0);
      expect(shims.console).toBe(real.console);
    });
  }
});
