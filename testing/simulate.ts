/**
 * `simulate`: runs an init as PID 1 of a simulated machine and reports what it did.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildWorkDir } from "./fakeRoot.ts";
import { hostTools, pickBlockNode } from "./host.ts";
import { ensureBusybox, ensureStaticBusybox } from "./busybox.ts";
import { ensureKit } from "./kit.ts";
import { parseMounts, parseOutcome, parseTrace } from "./results.ts";
import { runMachine } from "./run.ts";
import { buildModel } from "./scenario.ts";
import type { InitInput, Outcome, Scenario, SimResult } from "./types.ts";

/**
 * Runs an init script as PID 1 of a simulated machine: under dash (or busybox ash, see
 * {@link Scenario.shell}), chrooted into a throwaway fake root inside private user, mount
 * and PID namespaces, with the scenario's kernel command line, devices and console input,
 * and shims for every external command.
 * Nothing outside the fake root is touched, nothing is really mounted, `sleep` moves a
 * virtual clock, and the run ends at `switch_root`, `chroot`, the rescue shell, reboot or
 * poweroff, when the init exits (a kernel panic on real hardware), or at the time limit.
 *
 * @param init Path of a compiled init script, or `{ source }`: a TypeScript entry compiled
 *   first (an Error carrying the formatted diagnostics is thrown when it does not compile);
 *   `{ source, variant }` for one variant of a source with variants.
 * @param scenario The machine: see {@link Scenario}.
 * @returns The outcome, the trace of commands, the console text and the final mount table.
 * @throws Error when the scenario is invalid, a host tool is missing, busybox cannot be
 *   fetched (`shell: "busybox"`), or the machine could not start (for instance user
 *   namespaces are disabled); the message says which.
 */
export async function simulate(init: InitInput, scenario: Scenario = {}): Promise<SimResult> {
  const script = typeof init === "string" ? readInit(init) : await compileInit(init.source, init.variant);
  const model = buildModel(scenario, declaredCommands(script));
  const tools = hostTools();
  // The dynamic busybox first: when it cannot be fetched, that is the error to report.
  const shellBusybox = model.shell === "busybox" ? (await ensureBusybox()).binary : undefined;
  const kit = ensureKit(tools, (await ensureStaticBusybox()).binary, shellBusybox);
  const blockNode = pickBlockNode();
  const work = buildWorkDir(model, script, kit, blockNode !== undefined);
  const keep = process.env.INITSH_SIM_KEEP === "1";
  try {
    const raw = await runMachine({
      tools,
      workDir: work.dir,
      kitDir: kit.dir,
      blockNode,
      consoleInput: model.console,
      timeoutMs: model.timeoutMs,
      shell: model.shell,
    });
    const outcome = parseOutcome(join(work.state, "outcome")) ?? fallbackOutcome(work.dir, raw.timedOut, raw.stderr);
    return {
      outcome,
      trace: parseTrace(join(work.state, "trace")),
      console: raw.console.toString("utf8"),
      mounts: parseMounts(join(work.state, "mounts")),
      durationMs: raw.durationMs,
    };
  } finally {
    if (keep) process.stderr.write(`initsh simulate: kept the work folder ${work.dir}\n`);
    else rmSync(work.dir, { recursive: true, force: true });
  }
}

/**
 * The commands a script compiled by initsh says it may run (its `# External commands:` header
 * line), so each gets a shim; names with a directory are left to the scenario's files.
 */
function declaredCommands(script: Buffer): string[] {
  const head = script.subarray(0, 4096).toString("utf8").split("\n").slice(0, 5);
  const line = head.find((l) => l.startsWith("# External commands: "));
  if (!line) return [];
  return line
    .slice("# External commands: ".length)
    .split(" ")
    .filter((c) => c !== "" && !c.includes("/"));
}

function readInit(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`initsh simulate: cannot read the init script ${path}: ${(error as Error).message}`);
  }
}

async function compileInit(source: string, variant: string | undefined): Promise<Buffer> {
  // Loaded on demand: the compiler pulls in ts-morph, which a run of a .sh does not need.
  const { compileFile, formatDiagnostics } = await import("../compiler/index.ts");
  const result = compileFile(source, variant === undefined ? {} : { variant });
  if (!result.ok) {
    throw new Error(`initsh simulate: ${source} does not compile:\n${formatDiagnostics(result.diagnostics)}`);
  }
  return Buffer.from(result.script);
}

/** The outcome when no shim ended the run: the time limit, or the init exited (panic). */
function fallbackOutcome(workDir: string, timedOut: boolean, scriptStderr: string): Outcome {
  if (timedOut) return { kind: "timeout" };
  const statusFile = join(workDir, "exit-status");
  if (existsSync(join(workDir, "ready")) && existsSync(statusFile)) {
    return { kind: "panic", status: Number(readFileSync(statusFile, "utf8").trim()) };
  }
  const log = existsSync(join(workDir, "harness.log")) ? readFileSync(join(workDir, "harness.log"), "utf8") : "";
  throw new Error(
    `initsh simulate: the simulated machine could not start.\n${[log.trim(), scriptStderr.trim()].filter(Boolean).join("\n") || "(no message)"}\n` +
      "It needs unprivileged user namespaces (unshare -Urm must work), dash, and util-linux script and unshare.",
  );
}
