/**
 * PID 1 never exits, on a real kernel with busybox-static's ash as PID 1: failures that would
 * have panicked the kernel ("Attempted to kill init") end in the rescue shell instead, which
 * rd.emergency=poweroff turns into a power-off the test can wait for.
 *
 * - switchRoot where nothing is mounted: busybox switch_root refuses a new root that is not a
 *   mount point and exits, which as PID 1 is a panic; switchRoot checks first.
 * - the script itself stopping (here an `exit` put into the compiled script, as a shell
 *   error or a runtime helper would): the trap every init sets catches it.
 */
import { join } from "node:path";
import { beforeAll, describe, it } from "vitest";
import { packForBoot } from "./pack.ts";
import { buildRootImage } from "./rootfs.ts";
import { BOOT_TEST_TIMEOUT, bootSuite, expectRescued, VIRTIO_MODULES } from "./suite.ts";
import { qemuSkipReason } from "./tools.ts";

const skip = qemuSkipReason();

/** An init whose body (line 3 on) follows earlySetup. */
const initWith = (body: string) => `import { earlySetup, log, mkdir, rescueShell, switchRoot } from "initsh";
export default function init(): never {
  earlySetup() || rescueShell("no early setup");
${body}
}
`;

describe.skipIf(skip !== undefined)("never a kernel panic (QEMU, busybox-static)", () => {
  const suite = bootSuite("never-panic");
  let disk: string;

  beforeAll(() => {
    const { host, work } = suite();
    disk = buildRootImage({ busybox: host.busybox.binary, label: "root", mke2fs: host.tools.mke2fs!, out: join(work, "root.img") });
  });

  /** Compiles `source` (with `edit` applied to the script), packs it and boots it with rd.emergency=poweroff. */
  async function bootInit(name: string, source: string, edit: (script: string) => string = (s) => s) {
    const { host, work } = suite();
    const { compileInitSource } = await import("./compile.ts");
    const initrd = join(work, `${name}.cpio.gz`);
    const init = compileInitSource(source);
    packForBoot(host, { ...init, script: edit(init.script) }, initrd, { extraModules: VIRTIO_MODULES });
    return suite().boot(name, initrd, disk, "rd.emergency=poweroff");
  }

  it("switchRoot(\"/newroot\") with nothing mounted there: the rescue shell, naming why", async () => {
    const run = await bootInit("not-mounted", initWith(`  mkdir("/newroot") || rescueShell("no /newroot");\n  switchRoot("/newroot");`));
    expectRescued(run, "switchRoot: nothing is mounted on /newroot: mount the root filesystem there first");
  }, BOOT_TEST_TIMEOUT);

  it("the script stopping after a line of the init: the rescue shell, naming that line", async () => {
    const source = initWith(`  log.info("about to stop");\n  switchRoot("/newroot");`);
    // The shell stops right after the log line, as it would on an error of its own.
    const stop = (script: string) => {
      const edited = script.replace("log_info 'about to stop'\n", "log_info 'about to stop'\n  exit 7\n");
      if (edited === script) throw new Error("the compiled init no longer has the log line to stop after");
      return edited;
    };
    const run = await bootInit("script-stops", source, stop);
    expectRescued(run, "init.ts:4: the init script stopped, and PID 1 must never exit");
  }, BOOT_TEST_TIMEOUT);
});
