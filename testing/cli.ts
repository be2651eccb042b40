/**
 * `initsh simulate`: the command-line face of the simulated machine.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { fileProblem, sourceProblem } from "../compiler/command/files.ts";
import { formatRun } from "./format.ts";
import { readScenario } from "./scenarioFile.ts";
import { simulate } from "./simulate.ts";
import type { Scenario } from "./types.ts";

/** Help text of `initsh simulate`, for the CLI's own help. */
export const SIMULATE_HELP = `Usage:
  initsh simulate <init.ts|init.sh> [--cmdline '<kernel command line>'] [--scenario <scenario.json>]
                  [--console <line>]... [--timeout <ms>] [--shell dash|busybox] [--variant <name>] [--json]

Runs the init (a .ts entry is compiled first) as PID 1 of a simulated machine: dash (or
busybox ash) in a private user+mount+PID namespace, a throwaway root, shim commands that
log and answer as the scenario says. Prints the trace of commands (virtual time, shell-quoted argv), the
console, the final mount table and how the run ended.

  --cmdline <text>     kernel command line (overrides the scenario's)
  --scenario <file>    scenario as JSON (devices, volumeGroups, console, commands …;
                       see testing/README.md)
  --console <line>     a line typed on the console (repeatable; after the scenario's)
  --timeout <ms>       wall-clock limit (default 5000)
  --shell <name>       the shell that runs the init: dash (default) or busybox (Debian's
                       dynamically linked busybox, fetched with apt-get download on first use)
  --variant <name>     the variant to build, for a .ts source with variants
  --json               print the whole result as JSON instead

Exit status: 0 when the run ended in switch_root, chroot, reboot, poweroff or halt;
1 when it ended in the rescue shell, a panic (the init exited) or the time limit, or on
an error; 2 on a usage error.
`;

class UsageError extends Error {}

interface SimulateArgs {
  init: string;
  variant: string | undefined;
  scenario: Scenario;
  json: boolean;
}

function parseArgs(argv: string[]): SimulateArgs {
  let init: string | undefined;
  let scenarioFile: string | undefined;
  let cmdline: string | undefined;
  let timeout: number | undefined;
  let shell: string | undefined;
  let variant: string | undefined;
  let json = false;
  const consoleLines: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--cmdline") cmdline = value();
    else if (arg === "--scenario") scenarioFile = value();
    else if (arg === "--console") consoleLines.push(value());
    else if (arg === "--timeout") {
      timeout = Number(value());
      if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError("--timeout needs a positive number of milliseconds");
    } else if (arg === "--shell") {
      shell = value();
      if (shell !== "dash" && shell !== "busybox") throw new UsageError(`--shell is dash or busybox, not '${shell}'`);
    } else if (arg === "--variant") variant = value();
    else if (arg === "--json") json = true;
    else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option '${arg}'`);
    else if (init === undefined) init = arg;
    else throw new UsageError(`one init file, not '${init}' and '${arg}'`);
  }
  if (init === undefined) throw new UsageError("no init file (.ts or .sh) given");
  const problem = initProblem(init);
  if (problem !== undefined) throw new UsageError(problem);
  let scenario: Scenario = {};
  if (scenarioFile !== undefined) {
    const unreadable = fileProblem(scenarioFile);
    if (unreadable !== undefined) throw new UsageError(`--scenario: ${unreadable}`);
    scenario = readScenario(scenarioFile);
  }
  if (cmdline !== undefined) scenario = { ...scenario, cmdline };
  if (timeout !== undefined) scenario = { ...scenario, timeoutMs: timeout };
  if (shell !== undefined) scenario = { ...scenario, shell: shell as "dash" | "busybox" };
  if (consoleLines.length > 0) scenario = { ...scenario, console: [...(scenario.console ?? []), ...consoleLines] };
  if (variant !== undefined && !/\.[mc]?ts$/.test(init)) throw new UsageError("--variant needs a TypeScript source (.ts)");
  return { init, variant, scenario, json };
}

/**
 * Why `path` cannot be simulated, or undefined: a TypeScript source (`.ts`) must be one the
 * compiler reads; anything else must be a readable shell script (named `.sh`, or starting
 * with `#!`), so that a README or a binary is not run as one.
 */
function initProblem(path: string): string | undefined {
  if (/\.[mc]?ts$/.test(path)) return sourceProblem(path);
  const unreadable = fileProblem(path);
  if (unreadable !== undefined) return unreadable;
  if (path.endsWith(".sh")) return undefined;
  const head = Buffer.alloc(2);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString("latin1") === "#!" ? undefined : `${path} is neither a TypeScript source (.ts) nor a compiled init (a .sh file, or one starting with #!)`;
}

/**
 * Runs `initsh simulate` with the arguments after `simulate`; prints the run on stdout
 * (errors on stderr) and returns the exit status (see {@link SIMULATE_HELP}).
 */
export async function runSimulateCommand(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(SIMULATE_HELP);
    return 0;
  }
  try {
    const args = parseArgs(argv);
    const input = /\.[mc]?ts$/.test(args.init) ? { source: args.init, ...(args.variant === undefined ? {} : { variant: args.variant }) } : args.init;
    const result = await simulate(input, args.scenario);
    process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatRun(result));
    return ["switch_root", "exec", "reboot", "poweroff", "halt"].includes(result.outcome.kind) ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`initsh simulate: ${error.message} — see initsh simulate --help\n`);
      return 2;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
