/**
 * examples/variants/init.ts's `lvm` and `raid1` variants on a real kernel: the root filesystem
 * on an LVM logical volume, and on an md RAID1 mirror of two disks — assembled by mdadm from
 * both, and degraded from one when the other is missing. The disks are provisioned in the
 * guest once and cached (storage.ts); the images are made by `initsh pack` from each variant's
 * manifest, with lvm and mdadm from this machine and their libraries.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packForBoot } from "./pack.ts";
import { provisionTimes, STORAGE_ROOT, storageDisks } from "./storage.ts";
import { BOOT_TEST_TIMEOUT, bootSuite, expectReachedRoot } from "./suite.ts";
import { qemuSkipReason } from "./tools.ts";
import { tail } from "./verdict.ts";

const EXAMPLE = join(import.meta.dirname, "..", "..", "examples", "variants", "init.ts");
/** Two provisioning boots, each with its own hard limit (storage.ts), and the packing. */
const SETUP_TIMEOUT = 420_000;

const skip = qemuSkipReason();

describe.skipIf(skip !== undefined)("LVM and md RAID1 roots (QEMU, examples/variants/init.ts)", () => {
  const suite = bootSuite("lvm-raid");
  const initrd = { lvm: "", raid1: "" };
  let lvmDisk: string[];
  let raidDisks: string[];

  beforeAll(async () => {
    const { host, work } = suite();
    const { compileInit } = await import("./compile.ts");
    for (const variant of ["lvm", "raid1"] as const) {
      initrd[variant] = join(work, `${variant}.cpio.gz`);
      packForBoot(host, compileInit(EXAMPLE, variant), initrd[variant]);
    }
    lvmDisk = await storageDisks(suite(), "lvm");
    raidDisks = await storageDisks(suite(), "raid1");
  }, SETUP_TIMEOUT);

  afterAll(() => console.info(`tests/qemu (lvm-raid): provisioning: ${provisionTimes.join(", ")}`));

  it("lvm: vg0 is activated and root=/dev/mapper/vg0-root is mounted", async () => {
    const run = await suite().boot("lvm", initrd.lvm, lvmDisk, "root=/dev/mapper/vg0-root", { snapshot: true });
    expectReachedRoot(run);
    expect(run.log).toContain("Mounted /dev/mapper/vg0-root on /newroot");
  }, BOOT_TEST_TIMEOUT);

  it("raid1: mdadm assembles the mirror from both disks and root=UUID= finds the filesystem on it", async () => {
    const run = await suite().boot("raid1", initrd.raid1, raidDisks, `root=UUID=${STORAGE_ROOT.uuid}`, { snapshot: true });
    expectReachedRoot(run);
    const why = `serial log (end):\n${tail(run.log)}`;
    expect(run.log, why).toMatch(/mdadm: \/dev\/md\/?\w+ has been started with 2 drives/);
    // findfs resolved UUID= to the array, not to a member disk (metadata 1.2 keeps the data past the superblock).
    expect(run.log, why).toMatch(/Mounted \/dev\/md\d+ on \/newroot/);
  }, BOOT_TEST_TIMEOUT);

  it("raid1 with the second disk missing: the mirror starts degraded from one disk and the root is mounted", async () => {
    const run = await suite().boot("raid1-degraded", initrd.raid1, raidDisks.slice(0, 1), `root=UUID=${STORAGE_ROOT.uuid}`, { snapshot: true });
    expectReachedRoot(run);
    const why = `serial log (end):\n${tail(run.log)}`;
    expect(run.log, why).toMatch(/mdadm: \/dev\/md\/?\w+ has been started with 1 drive \(out of 2\)/);
    expect(run.log, why).toMatch(/Mounted \/dev\/md\d+ on \/newroot/);
  }, BOOT_TEST_TIMEOUT);
});
