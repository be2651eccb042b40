/**
 * Shared by the boot library's scenario tests: compile a small init written inline (as
 * `init.ts`, so runtime messages say `init.ts:N`), check the script with shellcheck, and run
 * it on the simulated machine (testing/).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect } from "vitest";
import { compileFile, formatDiagnostics } from "../../compiler/index.ts";
import { simulate } from "../../testing/index.ts";
import type { Scenario, SimResult } from "../../testing/index.ts";

const scratch = mkdtempSync(join(tmpdir(), "initsh-boot-test-"));
let counter = 0;
// INITSH_TEST_KEEP=1 keeps the compiled scripts for inspection.
afterAll(() => {
  if (process.env.INITSH_TEST_KEEP) console.log(`compiled scripts kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
});

export interface CompiledInit {
  /** The compiled script. */
  path: string;
  script: string;
  /** The external commands the compiler says it may run. */
  commands: string[];
}

/** Compiles TypeScript source (an init or a plain program) to a script; fails the test on any diagnostic. */
export function compileInit(source: string): CompiledInit {
  const dir = join(scratch, String(counter++));
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, "init.ts");
  writeFileSync(entry, source);
  const result = compileFile(entry);
  if (!result.ok) throw new Error(`does not compile:\n${formatDiagnostics(result.diagnostics, dir)}`);
  const path = join(dir, "init.sh");
  writeFileSync(path, result.script, { mode: 0o755 });
  return { path, script: result.script, commands: result.manifest.commands.map((c) => c.name) };
}

/**
 * An init whose body is `body` (its first line is line 3 of init.ts), importing `names` from
 * "initsh".
 */
export function initWith(names: string, body: string): CompiledInit {
  return compileInit(`import { ${names} } from "initsh";\nexport default function init(): never {\n${body}\n}\n`);
}

/** `shellcheck -s sh` and `-s dash` findings for a script, run side by side (empty when clean). */
export async function shellcheck(path: string): Promise<string> {
  const check = (dialect: string) =>
    new Promise<string>((resolve, reject) => {
      execFile("shellcheck", ["-s", dialect, "-f", "gcc", path], (error, stdout) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve(stdout.trim() === "" ? "" : `-s ${dialect}:\n${stdout}`);
      });
    });
  const found = await Promise.all([check("sh"), check("dash")]);
  return found.filter((f) => f !== "").join("\n");
}

/**
 * Runs a compiled init on the simulated machine (which gives a shim to every command the
 * script's header names) under dash and under busybox ash, and checks the script with
 * shellcheck alongside. Returns the dash run.
 */
export async function boot(init: CompiledInit, scenario: Scenario): Promise<SimResult> {
  const [result, underBusybox, findings] = await Promise.all([
    simulate(init.path, scenario),
    simulate(init.path, { ...scenario, shell: "busybox" }),
    checked.has(init.path) ? Promise.resolve("") : shellcheck(init.path),
  ]);
  checked.add(init.path);
  expect(findings, "shellcheck findings").toBe("");
  // The init runs under dash and under busybox ash (Debian's dynamic build, whose ash runs
  // the shims rather than its own applets): both must do exactly the same.
  const same = (r: SimResult) => ({ outcome: r.outcome, trace: r.trace, console: r.console, mounts: r.mounts });
  expect(same(underBusybox), "the same run under busybox ash").toEqual(same(result));
  return result;
}

const checked = new Set<string>();

/** The argv of every traced command. */
export const argvs = (r: SimResult): string[][] => r.trace.map((t) => t.argv);

/** Console text without colour and cursor escapes. */
export const plain = (text: string): string => text.replace(/\u001b\[[0-9]+G/g, " ").replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");

/** Asserts a run ended in the rescue shell (never in a kernel panic) and returns its console text. */
export function expectRescue(r: SimResult): string {
  expect(r.outcome.kind, plain(r.console)).toBe("rescue");
  return plain(r.console);
}

/** The three mounts earlySetup() makes, as traced. */
export const EARLY_MOUNTS = [
  ["mount", "-t", "proc", "proc", "/proc"],
  ["mount", "-t", "sysfs", "sysfs", "/sys"],
  ["mount", "-t", "devtmpfs", "devtmpfs", "/dev"],
];

/** The rescue shell as traced: `setsid -c sh`, which runs the shell (traced too). */
export const RESCUE_SHELL = [["setsid", "-c", "sh"], ["sh"]];

/**
 * Files a new root needs for switchRoot and switch_root to accept it: an executable
 * /sbin/init and the /bin/sh it names (an ELF stub: switch_root looks at its first bytes
 * only), and the places /dev, /proc and /sys move to. The root device itself must still be
 * mounted on /newroot: switch_root refuses a directory that is not a mount point.
 */
export const NEW_ROOT: Pick<Scenario, "files" | "dirs"> = {
  files: {
    "/newroot/sbin/init": { content: "#!/bin/sh\nexec /bin/sh\n", mode: 0o755 },
    "/newroot/bin/sh": { content: "\u007fELF stub\n", mode: 0o755 },
  },
  dirs: ["/newroot/dev", "/newroot/proc", "/newroot/sys"],
};
