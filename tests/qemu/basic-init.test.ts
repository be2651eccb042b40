/**
 * Real boots of examples/basic-init.ts: compiled by the project's compiler, packed with
 * busybox-static and the virtio modules into an initramfs, booted by QEMU (TCG) on Debian's
 * cloud kernel with an ext4 root disk. The serial log is the oracle: the root's /sbin/init
 * prints a marker with its PID, and the kernel must never panic.
 *
 * Needs qemu-system-x86, cpio, kmod, e2fsprogs and busybox-static (tests/install-tools.sh);
 * the kernel is downloaded into node_modules/.cache/initsh-qemu/ on first use.
 * INITSH_SKIP_QEMU=1 skips the suite; INITSH_TEST_KEEP=1 keeps the images and serial logs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packForBoot } from "./pack.ts";
import { buildRootImage } from "./rootfs.ts";
import { BOOT_TEST_TIMEOUT, bootSuite, expectReachedRoot, VIRTIO_MODULES, type JudgedBoot } from "./suite.ts";
import { qemuSkipReason } from "./tools.ts";
import { tail } from "./verdict.ts";

const EXAMPLE = join(import.meta.dirname, "..", "..", "examples", "basic-init.ts");
const LOAD = `modules=${VIRTIO_MODULES.join(",")}`;

const skip = qemuSkipReason();
if (skip !== undefined) console.warn(`tests/qemu: ${skip}`);

/** The 1-based line of examples/basic-init.ts holding `needle` (trace lines name it). */
function exampleLine(needle: string): number {
  const index = readFileSync(EXAMPLE, "utf8").split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`examples/basic-init.ts no longer contains ${needle}`);
  return index + 1;
}

describe.skipIf(skip !== undefined)("basic-init on a real kernel (QEMU, busybox-static)", () => {
  const suite = bootSuite("basic");
  let initrd: string;
  let initrdBytes: number;
  let disk: string;
  let buildSeconds: number;

  beforeAll(async () => {
    const { host, work } = suite();
    // Loaded here, not at the top: a skipped suite need not load the compiler.
    const { compileInit } = await import("./compile.ts");
    const start = performance.now();
    initrd = join(work, "initrd.cpio.gz");
    // basic-init loads the modules named by modules= on the command line: they are added.
    initrdBytes = packForBoot(host, compileInit(EXAMPLE), initrd, { extraModules: VIRTIO_MODULES });
    // Every boot mounts it read-only (basic-init without `rw`), so one image serves them all.
    disk = buildRootImage({ busybox: host.busybox.binary, label: "root", mke2fs: host.tools.mke2fs!, out: join(work, "root.img") });
    buildSeconds = (performance.now() - start) / 1000;
  });

  afterAll(() => {
    if (buildSeconds === undefined) return;
    const { host } = suite();
    console.info(`tests/qemu: kernel ${host.kernel.version}; setup ${host.seconds.toFixed(2)} s; compile and images ${buildSeconds.toFixed(2)} s; initramfs ${initrdBytes} bytes`);
  });

  /** Boots with `append` after the fixed parameters; the log is `<name>.log` in the work folder. */
  const boot = (name: string, append: string): Promise<JudgedBoot> => suite().boot(name, initrd, disk, append);

  let byLabel: JudgedBoot | undefined;

  it("root=LABEL=root: finds the disk by label, switch_root hands PID 1 to the root's /sbin/init", async () => {
    byLabel = await boot("label", `root=LABEL=root ${LOAD}`);
    expectReachedRoot(byLabel);
    expect(byLabel.log).toContain("Mounted LABEL=root (/dev/vda) on /newroot");
    // switchRoot moved the initramfs mounts into the new root.
    expect(byLabel.rootMounts).toEqual(expect.arrayContaining(["/", "/proc", "/dev"]));
  }, BOOT_TEST_TIMEOUT);

  // switchRoot reads /proc/mounts once, before any move: that file goes with /proc (a bug
  // this boot found, which the simulated machine could not show).
  it("root=LABEL=root: /sys is moved into the new root too", () => {
    expect(byLabel, "the LABEL boot did not run").toBeDefined();
    expect(byLabel!.rootMounts).toContain("/sys");
  });

  it("root=/dev/vda: the same by path", async () => {
    const run = await boot("path", `root=/dev/vda ${LOAD}`);
    expectReachedRoot(run);
    expect(run.log).toContain("Mounted /dev/vda (/dev/vda) on /newroot");
  }, BOOT_TEST_TIMEOUT);

  it("a root that never appears: the failure is shown and rd.emergency=poweroff powers off, no panic", async () => {
    const run = await boot("missing", `root=LABEL=nope rootdelay=1 rd.emergency=poweroff ${LOAD}`);
    const why = `serial log (end):\n${tail(run.log)}`;
    expect(run.timedOut, why).toBe(false);
    expect(run.panic, why).toBe(false);
    expect(run.rootPid, why).toBeUndefined();
    expect(run.log, why).toContain("LABEL=nope did not appear within 1s");
    expect(run.log, why).toContain("Block devices found: /dev/vda");
    expect(run.log, why).toContain("the root device LABEL=nope did not appear");
    expect(run.poweredOff, why).toBe(true);
  }, BOOT_TEST_TIMEOUT);

  it("debug: every command is traced with its basic-init.ts line", async () => {
    const run = await boot("debug", `root=LABEL=root ${LOAD} debug`);
    expectReachedRoot(run);
    const modprobeLine = exampleLine("modprobe(name)");
    const mountLine = exampleLine(`mount(device, "/newroot"`);
    const switchLine = exampleLine("switchRoot(");
    const why = `serial log (end):\n${tail(run.log)}`;
    expect(run.log, why).toContain(`+ basic-init.ts:${modprobeLine}: modprobe virtio_pci\n`);
    expect(run.log, why).toContain(`+ basic-init.ts:${mountLine}: mount -t ext4 -o ro /dev/vda /newroot\n`);
    expect(run.log, why).toContain(`+ basic-init.ts:${switchLine}: exec switch_root /newroot /sbin/init\n`);
  }, BOOT_TEST_TIMEOUT);
});
