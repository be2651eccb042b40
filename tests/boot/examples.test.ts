/**
 * The example inits: each compiles and is clean under shellcheck; basic-init boots on the
 * simulated machine (root by LABEL, ext4, switch_root) running only the commands a boot needs
 * — nothing for parsing or decisions — and fails into the rescue shell, never a panic.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { argvs, boot, compileInit, EARLY_MOUNTS, expectRescue, NEW_ROOT, shellcheck } from "./helpers.ts";

const examplesDir = join(import.meta.dirname, "..", "..", "examples");
const examples = readdirSync(examplesDir).filter((f) => f.endsWith(".ts")).sort();

describe("every example compiles and is clean under shellcheck", () => {
  for (const file of examples) {
    it(file, async () => {
      const compiled = compileInit(readFileSync(join(examplesDir, file), "utf8"));
      expect(await shellcheck(compiled.path)).toBe("");
    });
  }
});

describe("basic-init on the simulated machine", () => {
  const init = compileInit(readFileSync(join(examplesDir, "basic-init.ts"), "utf8"));
  const disk = { name: "vda1", label: "root", type: "ext4" };

  it("boots: root by LABEL, ext4, read-only, switch_root as PID 1", async () => {
    const r = await boot(init, { ...NEW_ROOT, cmdline: "console=ttyS0 root=LABEL=root quiet", devices: [disk] });
    expect(argvs(r)).toEqual([
      ...EARLY_MOUNTS,
      ["findfs", "LABEL=root"],
      ["mount", "-t", "ext4", "-o", "ro", "/dev/vda1", "/newroot"],
      ["mount", "--move", "/dev", "/newroot/dev"],
      ["mount", "--move", "/proc", "/newroot/proc"],
      ["mount", "--move", "/sys", "/newroot/sys"],
      ["switch_root", "/newroot", "/sbin/init"],
    ]);
    expect(r.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
  });

  it("runs nothing for parsing or decisions: no cat, grep, sed, awk, cut or tr", async () => {
    const r = await boot(init, { ...NEW_ROOT, cmdline: 'root=LABEL=root rootfstype=ext4 rw init=/sbin/init modules=virtio_blk,ext4 rootdelay=3 -- single', devices: [disk] });
    const names = new Set(argvs(r).map((a) => a[0]));
    for (const forbidden of ["cat", "grep", "sed", "awk", "cut", "tr", "head", "tail", "expr"]) expect(names.has(forbidden)).toBe(false);
    expect([...names].sort()).toEqual(["findfs", "modprobe", "mount", "switch_root"]);
    expect(r.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init", "single"], pid1: true });
    expect(argvs(r)).toContainEqual(["mount", "-t", "ext4", "/dev/vda1", "/newroot"]);
  });

  it("waits for a device that appears late", async () => {
    const r = await boot(init, { ...NEW_ROOT, cmdline: "root=/dev/vdb", devices: [{ name: "vdb", type: "ext4", appearsAfter: 2 }] });
    expect(argvs(r).filter((a) => a[0] === "sleep")).toHaveLength(20);
    expect(r.outcome.kind).toBe("switch_root");
  });

  it("a root device that never appears: the rescue shell with the devices it saw", async () => {
    const r = await boot(init, { ...NEW_ROOT, cmdline: "root=LABEL=root rootdelay=1", devices: [{ name: "sda" }, { name: "sda1", label: "data", type: "ext4" }] });
    const text = expectRescue(r);
    expect(text).toContain("Block devices found: /dev/sda /dev/sda1");
    expect(text).toContain("the root device LABEL=root did not appear [ Failed ]");
  });

  it("no root= at all: the rescue shell", async () => {
    const r = await boot(init, { ...NEW_ROOT, cmdline: "quiet" });
    expect(expectRescue(r)).toContain("root= is missing or is not /dev/…, LABEL=…, UUID=…, PARTUUID=… or PARTLABEL=… [ Failed ]");
  });

  it("a root filesystem that will not mount: the rescue shell", async () => {
    const r = await boot(init, { ...NEW_ROOT, cmdline: "root=/dev/vda1 rootfstype=xfs", devices: [disk] });
    const text = expectRescue(r);
    expect(text).toContain("mount /dev/vda1 on /newroot failed [ Failed ]");
    expect(text).toContain("cannot mount /dev/vda1 on /newroot [ Failed ]");
  });

  it("loads the modules= list", async () => {
    const r = await boot(init, { ...NEW_ROOT, cmdline: "root=/dev/vda1 modules=virtio_pci,virtio_blk modules=,ext4", devices: [disk], missingModules: ["ext4"] });
    expect(argvs(r).filter((a) => a[0] === "modprobe")).toEqual([
      ["modprobe", "virtio_pci"],
      ["modprobe", "virtio_blk"],
      ["modprobe", "ext4"],
    ]);
    expect(r.outcome.kind).toBe("switch_root");
  });
});
