/**
 * The rescue shell on a real kernel, used interactively: examples/basic-init.ts is booted with
 * a root that never appears and without rd.emergency, so the init ends in rescueShell. The test
 * types on the serial console (QEMU's stdin under -nographic) and reads the answers from it:
 * the shell must run what is typed, own the console as its controlling terminal (job control,
 * Ctrl-C), be started again after `exit` (PID 1 loops, never exits), and `poweroff -f` typed in
 * it must end QEMU. The kernel must never panic.
 *
 * Same host needs as basic-init.test.ts; INITSH_SKIP_QEMU=1 skips it, INITSH_TEST_KEEP=1 keeps
 * the images and the serial log.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packForBoot } from "./pack.ts";
import { buildRootImage } from "./rootfs.ts";
import { bootSuite } from "./suite.ts";
import { qemuSkipReason } from "./tools.ts";
import { tail } from "./verdict.ts";

const EXAMPLE = join(import.meta.dirname, "..", "..", "examples", "basic-init.ts");
const MODULES = ["virtio_pci", "virtio_blk"];
/** What rescueShell prints before each shell it starts. */
const BANNER = /Starting a rescue shell\. Exit it to start another\.\n/;
/** busybox ash's prompt for root (`/ # `), at the start of a line. */
const PROMPT = /^[^\n]*# /m;
/** Seconds from QEMU's start to the first banner (about 6 s on an idle 2-core machine, TCG). */
const BOOT_SECONDS = 150;
/** Seconds for one typed command's answer or the next prompt (well under 1 s when idle). */
const STEP_SECONDS = 60;
/** The hard limit on the whole boot: `timeout` kills QEMU after this. */
const QEMU_SECONDS = 420;
const TEST_TIMEOUT = (QEMU_SECONDS + 30) * 1000;

const skip = qemuSkipReason();
if (skip !== undefined) console.warn(`tests/qemu: ${skip}`);

/** The offset just past a match in the log. */
function past(match: RegExpExecArray): number {
  return match.index + match[0].length;
}

describe.skipIf(skip !== undefined)("the rescue shell on a real kernel's serial console (QEMU, basic-init, root never appears)", () => {
  const suite = bootSuite("rescue");
  let initrd: string;
  let disk: string;
  /** The whole serial log of the boot, once it has ended (however it ended). */
  let finalLog: string | undefined;

  beforeAll(async () => {
    const { host, work } = suite();
    const { compileInit } = await import("./compile.ts");
    initrd = join(work, "initrd.cpio.gz");
    packForBoot(host, compileInit(EXAMPLE), initrd, { extraModules: MODULES });
    // root=LABEL=nope never matches it; the disk is there so that the failure is "did not appear", not "no disks".
    disk = buildRootImage({ busybox: host.busybox.binary, label: "root", mke2fs: host.tools.mke2fs!, out: join(work, "root.img") });
  });

  it(
    "without rd.emergency: the shell runs typed commands with job control on the console, is started again after exit, and poweroff -f typed in it ends QEMU",
    async () => {
      const qemu = suite().console("rescue", initrd, disk, `root=LABEL=nope rootdelay=1 modules=${MODULES.join(",")}`, { timeoutSeconds: QEMU_SECONDS });
      const marks: string[] = [];
      const mark = (what: string): void => void marks.push(`${what} ${qemu.seconds().toFixed(1)} s`);
      try {
        const first = await qemu.waitFor(BANNER, 0, BOOT_SECONDS);
        mark("banner");
        expect(qemu.log().slice(0, first.index), "the failure is shown before the shell").toContain("the root device LABEL=nope did not appear");
        await qemu.waitFor(PROMPT, past(first), STEP_SECONDS);

        /**
         * Types `line` and Enter once a prompt is up, waits for `answer` after it, then for the
         * next prompt. The tty echoes what is typed, so an answer must be text that only running
         * the line prints (e.g. the value of $((6*7)), not the expression).
         */
        const command = async (line: string, answer: RegExp): Promise<RegExpExecArray> => {
          const from = qemu.log().length;
          qemu.type(`${line}\r`);
          const match = await qemu.waitFor(answer, from, STEP_SECONDS);
          await qemu.waitFor(PROMPT, past(match), STEP_SECONDS);
          return match;
        };

        // The shell reads the console and runs what it reads: 42 exists only if it evaluated $((6*7)).
        const one = await command("echo rescue-$((6*7)) pid=$$ flags=$-", /\nrescue-(\d+) pid=(\d+) flags=(\w*)\n/);
        mark("first command");
        expect(one[1], "echo rescue-$((6*7)) typed on the console prints rescue-42").toBe("42");
        expect(one[3], "the shell is interactive (i) with job control on (m): $- holds both").toMatch(/^(?=.*i)(?=.*m)/);
        const firstPid = one[2];

        // setsid -c made the console its controlling terminal: /dev/tty opens (ENXIO otherwise).
        await command(": </dev/tty && echo ctty-$((2+3))", /\nctty-5\n/);

        // Ctrl-C reaches the foreground job: the tty signals its foreground process group, which
        // exists only on a controlling terminal with job control. The subshell prints after it
        // has become that group, so ^C cannot come too early; without the signal sleep runs on
        // past the step's wait and the next prompt never comes.
        const from = qemu.log().length;
        qemu.type("(echo foreground-$((3*3)); sleep 600)\r");
        const foreground = await qemu.waitFor(/\nforeground-9\n/, from, STEP_SECONDS);
        qemu.type("\x03");
        await qemu.waitFor(PROMPT, past(foreground), STEP_SECONDS);
        // 130 = 128 + SIGINT: the job died of the signal.
        await command("echo status-$?", /\nstatus-130\n/);
        mark("ctrl-c");

        // exit ends this shell; PID 1 stays in its loop and starts another, which works too.
        const exitAt = qemu.log().length;
        qemu.type("exit\r");
        const second = await qemu.waitFor(BANNER, exitAt, STEP_SECONDS);
        await qemu.waitFor(PROMPT, past(second), STEP_SECONDS);
        mark("second banner");
        const two = await command("echo again-$((5+5)) pid=$$", /\nagain-(\d+) pid=(\d+)\n/);
        expect(two[1], "the new shell runs typed commands").toBe("10");
        expect(two[2], "the new shell is a new process").not.toBe(firstPid);

        // poweroff -f typed in the shell powers the machine off and QEMU exits by itself.
        const offAt = qemu.log().length;
        qemu.type("poweroff -f\r");
        const status = await qemu.waitForExit(STEP_SECONDS);
        mark("exit");
        const log = qemu.log();
        expect(log.slice(offAt), "the kernel reaches power-off").toMatch(/reboot: Power down/);
        expect(status, "QEMU ended by itself, not by the timeout (124/137)").toBe(0);
      } finally {
        await qemu.stop();
        finalLog = qemu.log();
        console.info(`tests/qemu: rescue shell session: ${marks.join(", ")}`);
      }
    },
    TEST_TIMEOUT,
  );

  it("the whole console log of that boot shows no kernel panic and no PID 1 exit (Attempted to kill init)", () => {
    expect(finalLog, "the rescue-shell boot did not run").toBeDefined();
    const why = `serial log (end):\n${tail(finalLog!)}`;
    expect(finalLog!, why).toMatch(BANNER);
    expect(finalLog!, why).not.toContain("Kernel panic");
    expect(finalLog!, why).not.toContain("Attempted to kill init");
  });
});
