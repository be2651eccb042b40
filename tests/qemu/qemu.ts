/**
 * One QEMU boot under TCG (KVM is unusable on these machines), the serial console written to
 * a file ({@link bootQemu}), or on pipes for a test that types into it ({@link startQemu}).
 * QEMU's exit status says nothing about the guest (it is 0 after a kernel panic too): judge
 * the log with verdict.ts.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { StringDecoder } from "node:string_decoder";
import { tail } from "./verdict.ts";

/** A machine to boot. */
export interface BootSpec {
  /** Paths of the tools: qemu-system-x86_64 and timeout. */
  tools: Record<string, string>;
  vmlinuz: string;
  initrd: string;
  /**
   * Raw disk images attached as virtio disks in this order: the first is /dev/vda, the next
   * /dev/vdb … (one path: just /dev/vda).
   */
  disk: string | readonly string[];
  /**
   * Boot with QEMU's `-snapshot`: the guest's writes go to a temporary overlay and the image
   * files are left as they were (a cached disk, which an md array's assembly or a journal
   * replay would otherwise change).
   */
  snapshot?: boolean;
  /** Kernel parameters after `console=ttyS0 panic=-1 quiet`. */
  append: string;
  /** Where the serial console (QEMU's stdout and stderr) goes. */
  log: string;
  /** Seconds before the boot is killed (default 120). */
  timeoutSeconds?: number;
}

/** How a boot ended. */
export interface BootRun {
  /** The serial console, line ends normalised to \n. */
  log: string;
  /** Wall time from starting QEMU to its exit, in seconds. */
  seconds: number;
  /** QEMU's exit status (124 or 137: killed by the timeout). */
  status: number | null;
  /** Whether the timeout ended it. */
  timedOut: boolean;
}

/**
 * The arguments of `timeout` for one boot: QEMU, killed after the spec's timeout (default 120 s,
 * then SIGKILL 5 s later), with the serial console and QEMU's monitor multiplexed on stdio
 * (`-nographic`).
 */
function timeoutArgs(spec: BootSpec): string[] {
  const timeout = spec.timeoutSeconds ?? 120;
  return [
    "-k", "5", String(timeout),
    spec.tools["qemu-system-x86_64"]!,
    "-accel", "tcg", "-m", "512", "-nographic", "-no-reboot",
    "-kernel", spec.vmlinuz,
    "-initrd", spec.initrd,
    "-append", `console=ttyS0 panic=-1 quiet ${spec.append}`,
    ...(spec.snapshot ? ["-snapshot"] : []),
    ...(typeof spec.disk === "string" ? [spec.disk] : spec.disk).flatMap((file) => ["-drive", `file=${file},format=raw,if=virtio`]),
  ];
}

/** Boots the machine and waits for QEMU to exit (it does when the guest powers off). */
export async function bootQemu(spec: BootSpec): Promise<BootRun> {
  const args = timeoutArgs(spec);
  const out = openSync(spec.log, "w");
  const start = performance.now();
  let status: number | null;
  try {
    status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(spec.tools.timeout!, args, { stdio: ["ignore", out, out] });
      child.on("error", reject);
      child.on("exit", (code) => resolve(code));
    });
  } finally {
    closeSync(out);
  }
  const seconds = (performance.now() - start) / 1000;
  const log = readFileSync(spec.log, "utf8").replaceAll("\r\n", "\n").replaceAll("\r", "\n");
  return { log, seconds, status, timedOut: status === 124 || status === 137 };
}

/** A machine running with its serial console on pipes: what it printed so far, and a keyboard. */
export interface ConsoleSession {
  /** The serial console so far (QEMU's stdout and stderr), line ends normalised to \n. */
  log(): string;
  /**
   * Waits until `pattern` matches the log at or after offset `from` and resolves with the
   * match (its `index` is an offset in the log); rejects, quoting the end of the log, after
   * `seconds` or when QEMU exits first.
   */
  waitFor(pattern: RegExp, from: number, seconds: number): Promise<RegExpExecArray>;
  /** Types `text` on the serial console (the guest's ttyS0). */
  type(text: string): void;
  /** Resolves with QEMU's exit status once it exits; rejects after `seconds`. */
  waitForExit(seconds: number): Promise<number | null>;
  /** Wall time since QEMU started, in seconds. */
  seconds(): number;
  /** Ends QEMU if it still runs (SIGTERM, then SIGKILL to its process group) and waits for it. */
  stop(): Promise<void>;
}

/** Line ends as in {@link bootQemu}'s log. */
function normalise(text: string): string {
  return text.replaceAll("\r\n", "\n").replaceAll("\r", "\n");
}

/**
 * Boots the machine with the serial console on pipes instead of a file, for tests that talk to
 * the guest. `spec.timeoutSeconds` stays the hard limit (`timeout` kills QEMU); the log is also
 * written to `spec.log` as it arrives. Call `stop()` in a `finally`.
 */
export function startQemu(spec: BootSpec): ConsoleSession {
  const start = performance.now();
  const out = openSync(spec.log, "w");
  const child = spawn(spec.tools.timeout!, timeoutArgs(spec), { stdio: ["pipe", "pipe", "pipe"] });
  let raw = "";
  const decoders = { stdout: new StringDecoder("utf8"), stderr: new StringDecoder("utf8") };
  let status: number | null | undefined;
  let failure: Error | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const onData = (stream: keyof typeof decoders) => (chunk: Buffer): void => {
    raw += decoders[stream].write(chunk);
    writeSync(out, chunk);
    notify();
  };
  child.stdout.on("data", onData("stdout"));
  child.stderr.on("data", onData("stderr"));
  // Typing after QEMU died must not crash the test run with EPIPE; the waits report the exit.
  child.stdin.on("error", () => {});
  child.on("error", (error) => {
    failure = error;
    notify();
  });
  child.on("close", (code) => {
    status = code;
    closeSync(out);
    notify();
  });
  const log = (): string => normalise(raw);
  const seconds = (): number => (performance.now() - start) / 1000;

  /** Resolves when `check` gives a value, rejects with `describe()` after `limit` seconds. */
  function until<T>(check: () => T | undefined, limit: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        listeners.delete(poll);
        clearTimeout(timer);
      };
      const poll = (): void => {
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (value !== undefined) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${describe()} (after ${limit} s; QEMU started ${seconds().toFixed(1)} s ago); serial log (end):\n${tail(log())}`));
      }, limit * 1000);
      listeners.add(poll);
      poll();
    });
  }

  return {
    log,
    waitFor(pattern, from, limit) {
      // A global copy, so that the search starts at `from` (lastIndex).
      const search = new RegExp(pattern.source, pattern.flags.replace("g", "").replace("y", "") + "g");
      return until(
        () => {
          const text = log();
          search.lastIndex = from;
          const match = search.exec(text);
          if (match) return match;
          if (failure) throw failure;
          if (status !== undefined) throw new Error(`QEMU exited (status ${status}) before ${pattern} was printed; serial log (end):\n${tail(text)}`);
          return undefined;
        },
        limit,
        () => `${pattern} was not printed`,
      );
    },
    type(text) {
      child.stdin.write(text);
    },
    waitForExit(limit) {
      return until(
        () => {
          if (failure) throw failure;
          return status === undefined ? undefined : { status };
        },
        limit,
        () => "QEMU did not exit",
      ).then((s) => s.status);
    },
    seconds,
    async stop() {
      if (status !== undefined || child.pid === undefined) return;
      // `timeout` passes SIGTERM on to QEMU; it made itself a process group leader, so the
      // group kill reaches QEMU too if it does not stop.
      child.kill("SIGTERM");
      try {
        await this.waitForExit(10);
      } catch {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
        await this.waitForExit(10).catch(() => {});
      }
    },
  };
}
