/**
 * Kernel modules missing from the image, on a real kernel: the init names each module that
 * does not load, the root it then cannot find is named with the devices it did see (none),
 * and the rescue shell follows — never a panic (rd.emergency=poweroff powers off from there).
 *
 * - examples/basic-init.ts loads the modules named by `modules=` at boot; packed without
 *   `--add-module` (pack warns that it cannot know them), the image has none.
 * - the plain variant packed for another kernel release: the modules are in the image, under
 *   /lib/modules of a release the booted kernel is not.
 *
 * A root that never appears with the modules there is in basic-init.test.ts; three wrong
 * passphrases in storage-luks.test.ts.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packImage } from "./pack.ts";
import { buildRootImage } from "./rootfs.ts";
import { BOOT_TEST_TIMEOUT, bootSuite, expectRescued, VIRTIO_MODULES } from "./suite.ts";
import { qemuSkipReason } from "./tools.ts";

const ROOT = join(import.meta.dirname, "..", "..", "examples");

const skip = qemuSkipReason();

describe.skipIf(skip !== undefined)("kernel modules missing from the image: named, then the rescue shell (QEMU)", () => {
  const suite = bootSuite("faults");
  let disk: string;

  beforeAll(() => {
    const { host, work } = suite();
    disk = buildRootImage({ busybox: host.busybox.binary, label: "root", mke2fs: host.tools.mke2fs!, out: join(work, "root.img") });
  });

  it("basic-init packed without --add-module for modules=virtio_pci,virtio_blk: pack warns; the boot names both modules and finds no disk", async () => {
    const { host, work } = suite();
    const { compileInit } = await import("./compile.ts");
    const initrd = join(work, "no-modules.cpio.gz");
    const image = packImage(host, compileInit(join(ROOT, "basic-init.ts")), initrd);
    expect(image.warnings.join("\n")).toContain("the init loads modules named only at boot");
    // The module index (depmod's files for an empty set), and no module.
    expect(image.files.filter((f) => /\.ko(\.\w+)?$/.test(f.entry.path))).toEqual([]);
    const run = await suite().boot("no-modules", initrd, disk, `root=LABEL=root rootdelay=1 rd.emergency=poweroff modules=${VIRTIO_MODULES.join(",")}`);
    expectRescued(run, "the root device LABEL=root did not appear");
    for (const name of VIRTIO_MODULES) {
      expect(run.log).toMatch(new RegExp(`basic-init\\.ts:\\d+: modprobe ${name} failed`));
      expect(run.log).toContain(`modprobe: module ${name} not found in modules.dep`);
      expect(run.log).toContain(`module ${name} did not load`);
    }
    expect(run.log).toContain("No block devices were found.");
  }, BOOT_TEST_TIMEOUT);

  it("the plain variant packed for another kernel release: each module it loads is named, and the root never appears", async () => {
    const { host, work } = suite();
    const { compileInit } = await import("./compile.ts");
    const initrd = join(work, "other-kernel.cpio.gz");
    // The same module files, filed under a release the booted kernel is not.
    packImage(host, compileInit(join(ROOT, "variants", "init.ts"), "plain"), initrd, {
      kernelVersion: "6.1.0-0-other-amd64",
      modulesDir: join(host.kernel.modulesRoot, "lib", "modules", host.kernel.version),
    });
    const run = await suite().boot("other-kernel", initrd, disk, "root=LABEL=root rootdelay=1 rd.emergency=poweroff");
    expectRescued(run, "LABEL=root did not appear");
    for (const name of VIRTIO_MODULES) expect(run.log).toMatch(new RegExp(`init\\.ts:\\d+: modprobe ${name} failed`));
    expect(run.log).toContain(`modprobe: can't change directory to '${host.kernel.version}': No such file or directory`);
    expect(run.log).toContain("some kernel modules did not load");
    expect(run.log).toContain("No block devices were found.");
  }, BOOT_TEST_TIMEOUT);
});
