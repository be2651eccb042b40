/**
 * What every boot suite shares: the host (kernel, busybox, tools) prepared once, a work folder
 * for images and serial logs (kept with INITSH_TEST_KEEP=1), boots judged from their log, and
 * the common assertions. A suite calls {@link bootSuite} at the top of its `describe`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { bootQemu, startQemu, type BootRun, type ConsoleSession } from "./qemu.ts";
import { prepareHost, type QemuHost } from "./setup.ts";
import { judge, tail, type Verdict } from "./verdict.ts";

/** What the cloud kernel lacks for a virtio disk (ext4 is built in); dependencies come along. */
export const VIRTIO_MODULES = ["virtio_pci", "virtio_blk"];
/** Per boot: QEMU's own 120 s timeout plus the kill grace and some slack. */
export const BOOT_TEST_TIMEOUT = 150_000;

/**
 * Where the serial logs of failed boots are copied, so that they outlive the suite's work
 * folder (a CI artifact): build/qemu-logs/ at the repository root, or INITSH_QEMU_LOGS.
 */
export function failedLogsDir(): string {
  return process.env.INITSH_QEMU_LOGS ?? resolve(import.meta.dirname, "..", "..", "build", "qemu-logs");
}

/**
 * Copies a failed boot's serial log to {@link failedLogsDir} as `<label>-<its name>`, says
 * where on stderr, and returns the copy's path (the log itself when it does not exist).
 */
export function keepFailedLog(label: string, log: string): string {
  if (!existsSync(log)) return log;
  const dir = failedLogsDir();
  mkdirSync(dir, { recursive: true });
  const kept = join(dir, `${label}-${basename(log)}`);
  copyFileSync(log, kept);
  console.error(`tests/qemu: the serial log of a failed boot is kept at ${kept}`);
  return kept;
}

/** How a boot is made, besides its initrd, disks and kernel parameters. */
export interface BootOptions {
  /** QEMU's hard limit in seconds (default 120). */
  timeoutSeconds?: number;
  /** Leave the disk images unchanged (QEMU's -snapshot): for shared, cached disks. */
  snapshot?: boolean;
}

export type JudgedBoot = BootRun & Verdict;

export interface BootSuite {
  host: QemuHost;
  /** The suite's folder for images and logs. */
  work: string;
  /**
   * Boots `initrd` with `disk` (or several: /dev/vda, /dev/vdb …) and `append`; the log is
   * `<name>.log` in the work folder, copied to {@link failedLogsDir} when the test fails.
   */
  boot(name: string, initrd: string, disk: string | readonly string[], append: string, options?: BootOptions): Promise<JudgedBoot>;
  /**
   * {@link boot} with the serial console on pipes, to type into (qemu.ts `startQemu`): call
   * `stop()` in a `finally`. The log is kept the same way.
   */
  console(name: string, initrd: string, disk: string | readonly string[], append: string, options?: BootOptions): ConsoleSession;
}

/**
 * Registers the suite's setup and cleanup; the returned function gives the suite once
 * `beforeAll` has run. Boot times are printed at the end.
 */
export function bootSuite(label: string): () => BootSuite {
  let suite: BootSuite | undefined;
  const times: string[] = [];
  /** The logs of the test that runs now. */
  let logs: string[] = [];
  beforeAll(() => {
    const host = prepareHost();
    const work = mkdtempSync(join(tmpdir(), `initsh-qemu-${label}-`));
    suite = {
      host,
      work,
      async boot(name, initrd, disk, append, options = {}) {
        const log = join(work, `${name}.log`);
        logs.push(log);
        const run = await bootQemu({ tools: host.tools, vmlinuz: host.kernel.vmlinuz, initrd, disk, append, log, ...options });
        times.push(`${name} ${run.seconds.toFixed(1)} s`);
        return { ...run, ...judge(run.log) };
      },
      console(name, initrd, disk, append, options = {}) {
        const log = join(work, `${name}.log`);
        logs.push(log);
        const session = startQemu({ tools: host.tools, vmlinuz: host.kernel.vmlinuz, initrd, disk, append, log, ...options });
        const stop = session.stop.bind(session);
        let stopped = false;
        return {
          ...session,
          async stop() {
            await stop();
            if (!stopped) times.push(`${name} ${session.seconds().toFixed(1)} s (typed into)`);
            stopped = true;
          },
        };
      },
    };
  });
  beforeEach(() => {
    logs = [];
  });
  afterEach((context) => {
    if (context.task.result?.state === "fail") for (const log of logs) keepFailedLog(label, log);
  });
  afterAll(() => {
    if (suite === undefined) return;
    console.info(`tests/qemu (${label}): boots: ${times.join(", ")}`);
    if (process.env.INITSH_TEST_KEEP) console.info(`tests/qemu: images and serial logs kept in ${suite.work}`);
    else rmSync(suite.work, { recursive: true, force: true });
  });
  return () => {
    if (suite === undefined) throw new Error("the boot suite is not set up (beforeAll failed?)");
    return suite;
  };
}

/** Asserts a boot that reached the root's /sbin/init as PID 1, powered off and never panicked. */
export function expectReachedRoot(run: JudgedBoot): void {
  const why = `serial log (end):\n${tail(run.log)}`;
  expect(run.timedOut, why).toBe(false);
  expect(run.panic, why).toBe(false);
  expect(run.rootPid, why).toBe(1);
  expect(run.poweredOff, why).toBe(true);
}

/**
 * Asserts a boot that ended in the rescue shell (rd.emergency=poweroff powers off from there)
 * with `message` on the console: never the root, never a panic.
 */
export function expectRescued(run: JudgedBoot, message: string): void {
  const why = `serial log (end):\n${tail(run.log)}`;
  expect(run.timedOut, why).toBe(false);
  expect(run.panic, why).toBe(false);
  expect(run.rootPid, why).toBeUndefined();
  expect(run.log, why).toContain(message);
  expect(run.poweredOff, why).toBe(true);
}
