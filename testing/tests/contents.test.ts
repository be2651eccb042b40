/**
 * A filesystem's files (`files` on a device, LV, array, LUKS contents): seen at its mount point
 * only while it is mounted, as on a real kernel — an init that checks `[ -d /mnt/etc ]` before
 * and after mounting sees the difference — and following binds, moves and unmounts.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { inlineInit } from "./helpers.ts";

describe("modelled filesystem contents", async () => {
  const run = await simulate(
    inlineInit(
      [
        'say() { echo "$1: $(ls "$2" | tr "\\n" " ")"; }',
        "say before /mnt",
        "[ -d /mnt/etc ] || echo 'no /mnt/etc before the mount'",
        'mount /dev/vda /mnt; echo "mount: $?"',
        "say mounted /mnt",
        "cat /mnt/etc/fstab",
        "echo written >/mnt/new",
        "mount --bind /mnt/slax /newroot; say bound /newroot",
        "umount /newroot; say 'bind gone' /newroot",
        'umount /mnt; echo "umount: $?"',
        "say unmounted /mnt",
        "mount /dev/vda /newroot; say again /newroot",
        "mount --move /newroot /mnt; say moved /mnt; say 'moved from' /newroot",
        'mount --bind /mnt/nothing /run 2>&1; echo "bind of a missing path: $?"',
        "printf 'secret\\n' | cryptsetup open /dev/vdb crypt",
        "mount /dev/mapper/crypt /newroot; say luks /newroot",
        "mount /dev/vdc /run; say 'not modelled' /run",
        "exec reboot -f",
      ].join("\n"),
    ),
    {
      dirs: ["/mnt", "/newroot", "/run"],
      files: { "/mnt/marker": "the fake root's own\n", "/run/marker": "the fake root's own\n" },
      devices: [
        { name: "vda", type: "ext4", files: { "/etc/fstab": "the disk's fstab\n", "/sbin/init": { content: "\u007fELF", mode: 0o755 }, "/slax/data/x": "x\n" } },
        { name: "vdb", luks: { passphrase: "secret", contents: { type: "ext4", files: { "/inside": "" } } } },
        { name: "vdc", type: "ext4" },
      ],
    },
  );
  const lines = run.console.split("\n");

  it("shows the files at the mount point only while mounted, and keeps what was written", () => {
    expect(lines).toContain("before: marker ");
    expect(lines).toContain("no /mnt/etc before the mount");
    expect(lines).toContain("mount: 0");
    expect(lines).toContain("mounted: etc sbin slax ");
    expect(lines).toContain("the disk's fstab");
    expect(lines).toContain("umount: 0");
    expect(lines).toContain("unmounted: marker ");
    expect(lines).toContain("again: etc new sbin slax ");
  });

  it("follows binds and moves", () => {
    expect(lines).toContain("bound: data ");
    expect(lines).toContain("bind gone: ");
    expect(lines).toContain("moved: etc new sbin slax ");
    expect(lines).toContain("moved from: ");
    // What the filesystem does not hold does not exist (a disk without files is taken to hold any path).
    expect(lines).toContain("mount: mounting /mnt/nothing on /run failed: No such file or directory");
    expect(lines).toContain("bind of a missing path: 255");
  });

  it("holds for the contents of a LUKS container, and leaves a filesystem without files as it was", () => {
    expect(lines).toContain("luks: inside ");
    expect(lines).toContain("not modelled: marker ");
  });
});
