/**
 * examples/variants/init.ts's `plain` variant on a real kernel, the root named each way the
 * kernel command line names a disk filesystem: by path, by `UUID=`, and by a quoted
 * `"LABEL=my root"` whose label holds a space (the kernel's quoting, kept whole by cmdline and
 * given to busybox findfs as one argument). PARTUUID= and PARTLABEL= on GPT and MBR disks are
 * in partitions.test.ts (basic-init).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packForBoot } from "./pack.ts";
import { buildRootImage } from "./rootfs.ts";
import { BOOT_TEST_TIMEOUT, bootSuite, expectReachedRoot } from "./suite.ts";
import { qemuSkipReason } from "./tools.ts";

const EXAMPLE = join(import.meta.dirname, "..", "..", "examples", "variants", "init.ts");
const LABEL = "my root";
const UUID = "0b5c3a1e-7d24-4f6a-8e19-c2d4b6a8f013";

const skip = qemuSkipReason();

describe.skipIf(skip !== undefined)("the plain variant's root by path, UUID= and a quoted LABEL= with a space (QEMU)", () => {
  const suite = bootSuite("roots");
  let initrd: string;
  let disk: string;

  beforeAll(async () => {
    const { host, work } = suite();
    const { compileInit } = await import("./compile.ts");
    initrd = join(work, "plain.cpio.gz");
    // plain loads the virtio modules it names itself: the manifest brings them, no --add-module.
    packForBoot(host, compileInit(EXAMPLE, "plain"), initrd);
    disk = buildRootImage({ busybox: host.busybox.binary, label: LABEL, uuid: UUID, mke2fs: host.tools.mke2fs!, out: join(work, "root.img") });
  });

  it("root=/dev/vda", async () => {
    const run = await suite().boot("path", initrd, disk, "root=/dev/vda");
    expectReachedRoot(run);
    expect(run.log).toContain("Mounted /dev/vda on /newroot");
  }, BOOT_TEST_TIMEOUT);

  it("root=UUID=…: found by busybox findfs", async () => {
    const run = await suite().boot("uuid", initrd, disk, `root=UUID=${UUID}`);
    expectReachedRoot(run);
    expect(run.log).toContain("Mounted /dev/vda on /newroot");
  }, BOOT_TEST_TIMEOUT);

  it('root="LABEL=my root": the quoted value is one parameter, and the label with its space is found', async () => {
    const run = await suite().boot("label-space", initrd, disk, `root="LABEL=${LABEL}" rd.debug`);
    expectReachedRoot(run);
    expect(run.log).toContain("Mounted /dev/vda on /newroot");
    // The label reached findfs whole: the trace quotes an argument with a space, so one argument shows as one.
    expect(run.log).toMatch(/\+ init\.ts:\d+: findfs 'LABEL=my root'\n/);
  }, BOOT_TEST_TIMEOUT);
});
