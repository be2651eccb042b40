/**
 * Partition identifiers on a real kernel with nothing but busybox in the initramfs:
 * examples/basic-init.ts boots with root=PARTUUID=… and root=PARTLABEL=… on a GPT disk and
 * with root=PARTUUID=SSSSSSSS-NN on an MBR disk. busybox findfs knows only LABEL= and UUID=
 * and busybox-static has no blkid: the boot library reads PARTLABEL from sysfs and PARTUUID
 * from the partition table (busybox od). Needs sgdisk (gdisk) besides the suite's tools.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { gptDisk, mbrDisk } from "./disks.ts";
import { packForBoot } from "./pack.ts";
import { buildRootImage } from "./rootfs.ts";
import { BOOT_TEST_TIMEOUT, bootSuite, expectReachedRoot, VIRTIO_MODULES } from "./suite.ts";
import { qemuSkipReason, requireTools } from "./tools.ts";

const EXAMPLE = join(import.meta.dirname, "..", "..", "examples", "basic-init.ts");
const LOAD = `modules=${VIRTIO_MODULES.join(",")}`;
/** The GPT root partition's unique GUID as sgdisk writes it; the kernel shows it in lower case. */
const GPT_UUID = "6B1E4C2A-93D0-4F5E-8C11-2A3B4C5D6E7F";
const GPT_LABEL = "initsh root";
const MBR_SIGNATURE = "1234abcd";

const skip = qemuSkipReason();

describe.skipIf(skip !== undefined)("root=PARTUUID= and PARTLABEL= with busybox only (QEMU)", () => {
  const suite = bootSuite("partitions");
  let initrd: string;
  let gpt: string;
  let mbr: string;

  beforeAll(async () => {
    const { host, work } = suite();
    const { sgdisk } = requireTools([{ command: "sgdisk", aptPackage: "gdisk" }]);
    const { compileInit } = await import("./compile.ts");
    initrd = join(work, "initrd.cpio.gz");
    packForBoot(host, compileInit(EXAMPLE), initrd, { extraModules: VIRTIO_MODULES });
    const root = buildRootImage({ busybox: host.busybox.binary, label: "root", mke2fs: host.tools.mke2fs!, out: join(work, "root.img") });
    gpt = gptDisk({ filesystem: root, sgdisk: sgdisk!, partUuid: GPT_UUID, partLabel: GPT_LABEL, out: join(work, "gpt.img") });
    mbr = mbrDisk({ filesystem: root, signature: MBR_SIGNATURE, out: join(work, "mbr.img") });
  });

  it("GPT, root=PARTUUID= in upper case: read from the partition table with od, found as /dev/vda1", async () => {
    const run = await suite().boot("gpt-partuuid", initrd, gpt, `root=PARTUUID=${GPT_UUID} ${LOAD} debug`);
    expectReachedRoot(run);
    expect(run.log).toContain(`Mounted PARTUUID=${GPT_UUID} (/dev/vda1) on /newroot`);
    expect(run.log).toMatch(/\+ basic-init\.ts:\d+: od -A n -t x1 -v -j 512 -N 92 \/dev\/vda\n/);
  }, BOOT_TEST_TIMEOUT);

  it("GPT, root=\"PARTLABEL=initsh root\" (a quoted value with a space): the name the kernel shows in sysfs", async () => {
    const run = await suite().boot("gpt-partlabel", initrd, gpt, `root="PARTLABEL=${GPT_LABEL}" ${LOAD} debug`);
    expectReachedRoot(run);
    expect(run.log).toContain(`Mounted PARTLABEL=${GPT_LABEL} (/dev/vda1) on /newroot`);
    // No fork to find it: sysfs is read by the shell.
    expect(run.log).not.toMatch(/\+ basic-init\.ts:\d+: (od|findfs) /);
  }, BOOT_TEST_TIMEOUT);

  it("MBR, root=PARTUUID=1234ABCD-01: the disk signature and the partition number", async () => {
    const run = await suite().boot("mbr-partuuid", initrd, mbr, `root=PARTUUID=${MBR_SIGNATURE.toUpperCase()}-01 ${LOAD}`);
    expectReachedRoot(run);
    expect(run.log).toContain(`Mounted PARTUUID=1234ABCD-01 (/dev/vda1) on /newroot`);
  }, BOOT_TEST_TIMEOUT);
});
