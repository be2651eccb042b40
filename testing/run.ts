/**
 * Runs one prepared machine: script(1) provides the pty that becomes /dev/console and runs
 * sh/host/outer.sh, which starts the namespaces. Collects what the console showed, types
 * the scripted input, and enforces the wall-clock limit.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { hostPath, type HostTools } from "./host.ts";
import { hostScriptsDir } from "./paths.ts";

/** What a machine run produced, before the state files are read. */
export interface RawRun {
  /** The console bytes. */
  console: Buffer;
  /** Whether the wall-clock limit killed it. */
  timedOut: boolean;
  /** What script(1) itself printed on stderr (normally nothing). */
  stderr: string;
  /** Wall-clock milliseconds. */
  durationMs: number;
}

let outerText: string | undefined;
function outerScript(): string {
  outerText ??= readFileSync(join(hostScriptsDir, "outer.sh"), "utf8");
  return outerText;
}

/** Console output kept at most; the rest is dropped (and said so). */
const MAX_CONSOLE_BYTES = 16 * 1024 * 1024;

/** How long to wait, after killing the namespace at the time limit, before killing script(1) too. */
const KILL_GRACE_MS = 1000;

/** Runs the machine prepared in `workDir` until it ends or `timeoutMs` passes. */
export function runMachine(opts: {
  tools: HostTools;
  workDir: string;
  kitDir: string;
  blockNode: string | undefined;
  consoleInput: string[];
  timeoutMs: number;
  /** What runs the init: the kit's dash, or its busybox (`busybox sh /init`). */
  shell: "dash" | "busybox";
}): Promise<RawRun> {
  const started = performance.now();
  // script -c runs its command with $SHELL (dash here): the command is outer.sh's text.
  // script also copies the session into a file: the work folder's (not /dev/null, which is
  // not always writable for unprivileged users).
  const log = join(opts.workDir, "typescript");
  const child = spawn(opts.tools.script, ["-q", "-E", "never", "-e", "-c", outerScript(), log], {
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
    env: {
      PATH: hostPath,
      SHELL: opts.tools.dash,
      LC_ALL: "C",
      INITSH_SIM_WORK: opts.workDir,
      INITSH_SIM_KIT: opts.kitDir,
      INITSH_SIM_BLOCK: opts.blockNode ?? "",
      INITSH_SIM_DASH: opts.tools.dash,
      INITSH_SIM_SHELL: opts.shell,
      INITSH_SIM_HOST: hostScriptsDir,
    },
  });
  const consoleChunks: Buffer[] = [];
  const stderrChunks: Buffer[] = [];
  let consoleBytes = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    // An init printing in a loop until the time limit must not exhaust memory.
    if (consoleBytes < MAX_CONSOLE_BYTES) consoleChunks.push(chunk.subarray(0, MAX_CONSOLE_BYTES - consoleBytes));
    if (consoleBytes + chunk.length > MAX_CONSOLE_BYTES && consoleBytes <= MAX_CONSOLE_BYTES) {
      consoleChunks.push(Buffer.from(`\n[initsh simulate: console output cut at ${MAX_CONSOLE_BYTES} bytes]\n`));
    }
    consoleBytes += chunk.length;
  });
  child.stderr.on("data", (chunk: Buffer) => stderrChunks.push(chunk));
  // Typed ahead: the pty keeps the lines until the init reads them. stdin stays open, so a
  // read beyond the scripted lines waits (until the time limit), as on a real console.
  child.stdin.on("error", () => {});
  if (opts.consoleInput.length > 0) child.stdin.write(opts.consoleInput.map((line) => `${line}\n`).join(""));

  let timedOut = false;
  let graceTimer: NodeJS.Timeout | undefined;
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const limitTimer = setTimeout(() => {
    timedOut = true;
    // Killing PID 1 of the namespace (by its host PID) kills everything in it; unshare too.
    let killed = false;
    for (const file of ["init.pid", "ns.pid"]) {
      try {
        const pid = Number(readFileSync(join(opts.workDir, file), "utf8").trim());
        if (pid > 0) process.kill(pid, "SIGKILL");
        killed = true;
      } catch {
        // not started yet, or gone
      }
    }
    if (!killed) killGroup();
    graceTimer = setTimeout(killGroup, KILL_GRACE_MS);
  }, opts.timeoutMs);

  return new Promise((resolve, reject) => {
    child.on("error", (error) => {
      clearTimeout(limitTimer);
      clearTimeout(graceTimer);
      reject(new Error(`initsh simulate: cannot start ${opts.tools.script}: ${error.message}`));
    });
    child.on("close", () => {
      clearTimeout(limitTimer);
      clearTimeout(graceTimer);
      child.stdin.destroy();
      resolve({
        console: Buffer.concat(consoleChunks),
        timedOut,
        stderr: Buffer.concat(stderrChunks).toString("utf8"),
        durationMs: performance.now() - started,
      });
    });
  });
}
