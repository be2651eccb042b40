/** lvm.activate, mdraid.assemble, dmraid.activate, losetup and modprobe. */
import { describe, expect, it } from "vitest";
import { argvs, boot, expectRescue, initWith, RESCUE_SHELL } from "./helpers.ts";

const names = "dmraid, log, losetup, lvm, mdraid, modprobe, rescueShell, waitForDevice";

describe("volume managers", () => {
  it("lvm.activate makes the logical volumes appear", async () => {
    const init = initWith(names, `  lvm.activate("vg0") || rescueShell("no lvm");\n  waitForDevice("/dev/mapper/vg0-root", 0) ?? rescueShell("no lv");\n  rescueShell("end");`);
    const r = await boot(init, { devices: [{ name: "vda2", type: "LVM2_member" }], volumeGroups: [{ name: "vg0", pvs: ["/dev/vda2"], lvs: [{ name: "root", type: "ext4" }] }] });
    expect(argvs(r)).toEqual([["lvm", "vgchange", "-ay", "--sysinit", "vg0"], ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("end [ Failed ]");
  });

  it("lvm.activate() activates every group", async () => {
    const init = initWith(names, `  lvm.activate() || rescueShell("no lvm");\n  rescueShell("end");`);
    const r = await boot(init, {});
    expect(argvs(r)[0]).toEqual(["lvm", "vgchange", "-ay", "--sysinit"]);
  });

  it("mdraid.assemble and dmraid.activate", async () => {
    const init = initWith(names, `  mdraid.assemble() || rescueShell("no md");\n  dmraid.activate() || log.warn("no dmraid sets");\n  waitForDevice("/dev/md0", 0) ?? rescueShell("no md0");\n  rescueShell("end");`);
    const r = await boot(init, {
      devices: [{ name: "sda1", type: "linux_raid_member" }, { name: "sdb1", type: "linux_raid_member" }],
      raidArrays: [{ name: "md0", members: ["/dev/sda1", "/dev/sdb1"], type: "ext4" }],
      commands: [{ argv: ["dmraid", "-ay"], exit: 1, stderr: "no raid disks\n" }],
    });
    expect(argvs(r)).toEqual([["mdadm", "--assemble", "--scan"], ["dmraid", "-ay"], ...RESCUE_SHELL]);
    const text = expectRescue(r);
    expect(text).toContain("init.ts:4: dmraid could not activate the RAID sets [ Failed ]");
    expect(text).toContain("no dmraid sets [ Warning ]");
  });

  it("losetup attaches a file and returns the loop device", async () => {
    const init = initWith(names, `  const dev = losetup("/live/root.img") ?? rescueShell("no loop");\n  log.info(\`attached \${dev}\`);\n  rescueShell("end");`);
    // busybox's losetup has no --show: `losetup -f` names the free device, then it is attached.
    const r = await boot(init, { images: { "/live/root.img": { type: "ext4" } } });
    expect(argvs(r)).toEqual([["losetup", "-f"], ["losetup", "/dev/loop0", "/live/root.img"], ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("attached /dev/loop0");
  });
});

describe("modprobe", () => {
  it("loads each module and reports the ones that are missing", async () => {
    const init = initWith(names, `  modprobe("virtio_pci", "nope", "virtio_blk") || log.warn("some modules are missing");\n  rescueShell("end");`);
    const r = await boot(init, { missingModules: ["nope"] });
    expect(argvs(r)).toEqual([["modprobe", "virtio_pci"], ["modprobe", "nope"], ["modprobe", "virtio_blk"], ...RESCUE_SHELL]);
    const text = expectRescue(r);
    expect(text).toContain("init.ts:3: modprobe nope failed [ Failed ]");
    expect(text).toContain("some modules are missing [ Warning ]");
  });
});
