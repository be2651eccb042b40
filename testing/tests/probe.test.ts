/**
 * The simulated machine against a real one: fixtures/qemu-probe/init.sh booted in QEMU
 * (Debian's 6.1 kernel, busybox-static 1.35, see fixtures/qemu-probe/README.md) printed
 * console.txt; the same init, on a scenario describing that machine, must print the same:
 * /proc/self/mountinfo, /proc/mounts, /proc/partitions, the sysfs uevents, the GPT header,
 * findfs, mount's and umount's failures, /proc/meminfo, switch_root, chroot, modprobe,
 * losetup, pivot_root and cp. Left out: the listings of the sysfs directories (the simulated
 * ones hold fewer files), and in the GPT header the disk's GUID and the two CRCs over it
 * (the simulated disk has another GUID).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { fixture, inlineInit } from "./helpers.ts";

/** The QEMU machine: a 64 MiB virtio disk with a GPT (root, empty), and an 8 MiB empty one. */
const MACHINE = {
  devices: [
    { name: "vda", blocks: 65536 },
    { name: "vda1", label: "root", type: "ext4", partlabel: "root part", blocks: 40960 },
    { name: "vda2", partlabel: "empty", blocks: 23535 },
    { name: "vdb", blocks: 8192 },
  ],
  missingModules: ["nosuchmod"],
};

/** Keeps, of each `--- /sys/class/block/X` block, the uevent lines (drops `ls`'s columns). */
function withoutListings(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let inBlocks = false;
  for (const line of lines) {
    if (line.startsWith("--- /sys/class/block/")) inBlocks = true;
    else if (line.startsWith("=== ")) inBlocks = false;
    if (!inBlocks || line.startsWith("--- ") || /^[A-Z_]+=/.test(line)) out.push(line);
  }
  return out.join("\n");
}

/** Masks, in the `=== od` section (bytes 512.. of the disk), the header CRC, disk GUID and entries CRC. */
function maskGuids(text: string): string {
  return text.replace(/(=== od\n)((?: [0-9a-f]{2})+\n(?:(?: [0-9a-f]{2})+\n)*)/, (_, head: string, dump: string) => {
    const bytes = dump.trim().split(/\s+/);
    for (const i of [16, 17, 18, 19, ...Array.from({ length: 16 }, (_, k) => 56 + k), 88, 89, 90, 91]) bytes[i] = "..";
    const rows: string[] = [];
    for (let i = 0; i < bytes.length; i += 16) rows.push(` ${bytes.slice(i, i + 16).join(" ")}\n`);
    return head + rows.join("");
  });
}

describe("the QEMU probe, replayed", () => {
  it("prints what the real machine printed", async () => {
    const init = readFileSync(fixture("qemu-probe/init.sh"), "utf8")
      .split("\n")
      .slice(1) // the shebang line: inlineInit writes its own
      .join("\n")
      .replace("cat $d/uevent; ls $d; done", "cat $d/uevent; done");
    const run = await simulate(inlineInit(init), MACHINE);
    const real = readFileSync(fixture("qemu-probe/console.txt"), "utf8");
    const simulated = run.console.slice(run.console.indexOf("=== mountinfo"));
    expect(run.outcome).toEqual({ kind: "poweroff", argv: ["poweroff", "-f"] });
    expect(maskGuids(withoutListings(simulated))).toBe(maskGuids(withoutListings(real)));
    // The masking and filtering leave the substance: every section, and the header's fields.
    expect(maskGuids(withoutListings(real))).toContain(" 45 46 49 20 50 41 52 54 00 00 01 00 5c 00 00 00\n .. .. .. .. 00 00 00 00 01 00");
    expect(maskGuids(withoutListings(real)).match(/^=== /gm)).toHaveLength(10);
  });
});
