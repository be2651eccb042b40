import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { hasBlockNode, inlineInit } from "./helpers.ts";

// The harness's /proc, /sys and /dev are real mounts in the simulated machine: once the
// init has mounted one of them, moving or unmounting it moves or hides its files, as on a
// real kernel.

/** sh helpers for the inits below: `show FILE` prints each line indented, `empty DIR` says whether DIR is empty. */
const HELPERS = [
  'show() { while IFS= read -r l; do echo "  $l"; done <"$1"; }',
  'empty() { set -- "$1"/*; [ ! -e "$1" ] && [ ! -L "$1" ]; }',
].join("\n");

/** What `[ TEST path ]` checks a simulated device with: a block node when the host has one to lend. */
const BLOCK = hasBlockNode ? "-b" : "-e";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("pseudo filesystems", () => {
  it("moves /proc with its files: /proc/mounts and /proc/cmdline follow, and the moved table keeps being updated", async () => {
    const run = await simulate(
      inlineInit(
        [
          HELPERS,
          "mount -t proc proc /proc",
          'mount --move /proc /newroot/proc; echo "move rc=$?"',
          "[ -d /proc ] && empty /proc && echo '/proc is an empty directory'",
          "{ read -r l </proc/mounts; } 2>/dev/null || echo 'no /proc/mounts'",
          "{ read -r l </proc/cmdline; } 2>/dev/null || echo 'no /proc/cmdline'",
          'IFS= read -r l </newroot/proc/cmdline && echo "cmdline: $l"',
          'IFS= read -r l </newroot/proc/modules && echo "scenario file: $l"',
          "echo 'mounts:'; show /newroot/proc/mounts",
          "mount -t tmpfs tmpfs /run",
          "echo 'mounts after mounting /run:'; show /newroot/proc/mounts",
          "[ -e /proc/mounts ] || echo 'still no /proc/mounts'",
          "sleep 1",
          'while read -r a b c name; do [ "$name" = vdb ] && echo "partition vdb at /newroot/proc"; done </newroot/proc/partitions',
          "[ -e /proc/partitions ] || echo 'no /proc/partitions'",
          "exec reboot -f",
        ].join("\n"),
      ),
      {
        cmdline: "root=LABEL=root quiet",
        dirs: ["/newroot/proc", "/run"],
        files: { "/proc/modules": "ext4 1 0\n" },
        devices: [{ name: "vda" }, { name: "vdb", appearsAfter: 1 }],
      },
    );
    expect(run.console).toBe(
      lines(
        "move rc=0",
        "/proc is an empty directory",
        "no /proc/mounts",
        "no /proc/cmdline",
        "cmdline: root=LABEL=root quiet",
        "scenario file: ext4 1 0",
        "mounts:",
        "  rootfs / rootfs rw,size=235784k,nr_inodes=58946,inode64 0 0",
        "  proc /newroot/proc proc rw,relatime 0 0",
        "mounts after mounting /run:",
        "  rootfs / rootfs rw,size=235784k,nr_inodes=58946,inode64 0 0",
        "  proc /newroot/proc proc rw,relatime 0 0",
        "  tmpfs /run tmpfs rw,relatime,inode64 0 0",
        "still no /proc/mounts",
        "partition vdb at /newroot/proc",
        "no /proc/partitions",
      ),
    );
    expect(run.mounts).toEqual([
      { source: "proc", target: "/newroot/proc", type: "proc", options: "" },
      { source: "tmpfs", target: "/run", type: "tmpfs", options: "" },
    ]);
  });

  it("leaves /proc where it is until the init mounts it, whatever else it mounts", async () => {
    const run = await simulate(
      inlineInit(
        [
          HELPERS,
          'mount --move /proc /newroot/proc; echo "move rc=$?"',
          "mount -t tmpfs tmpfs /run",
          "mount -t sysfs sysfs /newroot/sys",
          'IFS= read -r l </proc/cmdline && echo "cmdline: $l"',
          "show /proc/mounts",
          "empty /newroot/proc && echo '/newroot/proc is empty'",
          "[ -e /sys/class/block/vda/dev ] && [ -e /dev/vda ] && echo '/sys and /dev in place'",
          "exec reboot -f",
        ].join("\n"),
      ),
      { cmdline: "quiet", dirs: ["/newroot/proc", "/newroot/sys", "/run"], devices: [{ name: "vda" }] },
    );
    expect(run.console).toBe(
      lines(
        "mount: mounting /proc on /newroot/proc failed: Invalid argument",
        "move rc=255",
        "cmdline: quiet",
        "  rootfs / rootfs rw,size=235784k,nr_inodes=58946,inode64 0 0",
        "  tmpfs /run tmpfs rw,relatime,inode64 0 0",
        "  sysfs /newroot/sys sysfs rw,relatime 0 0",
        "/newroot/proc is empty",
        "/sys and /dev in place",
      ),
    );
  });

  it("moves /dev with its nodes, keeps the open console working, and puts new devices at the new place", async () => {
    const run = await simulate(
      inlineInit(
        [
          "mount -t devtmpfs devtmpfs /dev",
          "mount /dev/vda /newroot",
          'mount --move /dev /newroot/dev; echo "move rc=$?"',
          "echo 'still on the console'",
          'IFS= read -r typed; echo "typed: $typed"',
          "[ -e /dev/console ] || echo 'no /dev/console'",
          "[ -e /dev/null ] || echo 'no /dev/null'",
          "[ -e /dev/vda ] || echo 'no /dev/vda'",
          "[ -c /newroot/dev/console ] && echo 'console at /newroot/dev'",
          `[ ${BLOCK} /newroot/dev/vda ] && echo 'vda at /newroot/dev'`,
          "echo 'through the moved node' >/newroot/dev/console",
          "sleep 1",
          `[ ${BLOCK} /newroot/dev/vdb ] && echo 'vdb appeared at /newroot/dev'`,
          "[ -e /dev/vdb ] || echo 'no /dev/vdb'",
          'mount /dev/vdb /mnt; echo "rc=$?"',
          "exec reboot -f",
        ].join("\n"),
      ),
      {
        dirs: ["/newroot", "/mnt"],
        devices: [{ name: "vda", type: "ext4" }, { name: "vdb", type: "ext4", appearsAfter: 1 }],
        console: ["hello"],
      },
    );
    expect(run.console).toBe(
      lines(
        "move rc=0",
        "still on the console",
        "typed: hello",
        "no /dev/console",
        "no /dev/null",
        "no /dev/vda",
        "console at /newroot/dev",
        "vda at /newroot/dev",
        "through the moved node",
        "vdb appeared at /newroot/dev",
        "no /dev/vdb",
        "mount: mounting /dev/vdb on /mnt failed: No such file or directory",
        "rc=255",
      ),
    );
    expect(run.mounts).toEqual([
      { source: "/dev/vda", target: "/newroot", type: "ext4", options: "" },
      { source: "devtmpfs", target: "/newroot/dev", type: "devtmpfs", options: "" },
    ]);
  });

  it("moves /sys with its files, and puts new devices' entries at the new place", async () => {
    const run = await simulate(
      inlineInit(
        [
          HELPERS,
          "mount -t sysfs sysfs /sys",
          'mount --move /sys /newroot/sys; echo "move rc=$?"',
          "empty /sys && echo '/sys is empty'",
          "echo 'vda:'; show /newroot/sys/class/block/vda/dev",
          "sleep 1",
          "echo 'vdb:'; show /newroot/sys/class/block/vdb/dev",
          "[ -e /sys/class/block/vdb ] || echo 'no /sys/class/block/vdb'",
          "exec reboot -f",
        ].join("\n"),
      ),
      { dirs: ["/newroot/sys"], devices: [{ name: "vda" }, { name: "vdb", appearsAfter: 1 }] },
    );
    expect(run.console).toBe(lines("move rc=0", "/sys is empty", "vda:", "  254:0", "vdb:", "  254:16", "no /sys/class/block/vdb"));
  });

  it("empties /proc, /sys and /dev on umount, and shows them again when mounted again", async () => {
    const run = await simulate(
      inlineInit(
        [
          HELPERS,
          "mount -t proc proc /proc",
          "mount -t sysfs sysfs /sys",
          "mount -t devtmpfs devtmpfs /dev",
          "umount /proc && umount /sys && umount /dev && echo unmounted",
          "for d in /proc /sys /dev; do [ -d $d ] && empty $d && echo \"$d is empty\"; done",
          "echo 'the open console still works'",
          "mount -t tmpfs tmpfs /run",
          "empty /run && echo '/run is empty'",
          "sleep 1",
          "mount -t proc proc /proc",
          'IFS= read -r l </proc/cmdline && echo "cmdline: $l"',
          "show /proc/mounts",
          "mount -t devtmpfs devtmpfs /dev",
          `[ ${BLOCK} /dev/vdb ] && [ -c /dev/console ] && echo 'vdb and the console in /dev again'`,
          "exec reboot -f",
        ].join("\n"),
      ),
      { cmdline: "quiet", dirs: ["/run"], devices: [{ name: "vda" }, { name: "vdb", appearsAfter: 1 }] },
    );
    expect(run.console).toBe(
      lines(
        "unmounted",
        "/proc is empty",
        "/sys is empty",
        "/dev is empty",
        "the open console still works",
        "/run is empty",
        "cmdline: quiet",
        "  rootfs / rootfs rw,size=235784k,nr_inodes=58946,inode64 0 0",
        "  tmpfs /run tmpfs rw,relatime,inode64 0 0",
        "  proc /proc proc rw,relatime 0 0",
        "vdb and the console in /dev again",
      ),
    );
  });

  it("moves a disk mount in the table only, as before; a pseudo filesystem below it moves along", async () => {
    const run = await simulate(
      inlineInit(
        [
          HELPERS,
          "mount -t proc proc /proc",
          "mount /dev/vda /newroot",
          "mount --move /proc /newroot/proc",
          'mount --move /newroot /mnt; echo "move rc=$?"',
          "[ -e /newroot/sbin/init ] && echo 'files stay at /newroot'",
          "[ -e /mnt/sbin/init ] || echo 'no files at /mnt'",
          "show /mnt/proc/mounts",
          "empty /newroot/proc && echo '/newroot/proc is empty'",
          'umount -l /mnt; echo "umount rc=$?"',
          "[ -e /mnt/proc/mounts ] || echo 'proc went with /mnt'",
          "exec reboot -f",
        ].join("\n"),
      ),
      { dirs: ["/newroot", "/mnt"], files: { "/newroot/sbin/init": "#!/bin/sh\n" }, devices: [{ name: "vda", type: "ext4" }] },
    );
    expect(run.console).toBe(
      lines(
        "move rc=0",
        "files stay at /newroot",
        "no files at /mnt",
        "  rootfs / rootfs rw,size=235784k,nr_inodes=58946,inode64 0 0",
        "  /dev/vda /mnt ext4 rw,relatime 0 0",
        "  proc /mnt/proc proc rw,relatime 0 0",
        "/newroot/proc is empty",
        "umount rc=0",
        "proc went with /mnt",
      ),
    );
    expect(run.mounts).toEqual([]);
  });
});
