import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { check } from "./command/check.ts";
import { cannotWrite, makeDirectory, sourceProblem, writeAtomically, writeFile } from "./command/files.ts";
import { report } from "./command/report.ts";
import { scaffold } from "./command/scaffold.ts";
import { watchBuild } from "./command/watch.ts";
import { enableCompileCache } from "./compile-cache.ts";
import { packageRoot } from "./paths.ts";

// The compiler (and with it TypeScript) is loaded only by the commands that compile, after the
// code cache is on: `--help` and usage errors stay instant. esbuild keeps this import lazy in
// the CommonJS bundle (compiler/build.mjs).
type Compiler = typeof import("./index.ts");

const HELP = `initsh — compile typed TypeScript boot logic to POSIX sh

Usage:
  initsh build <entry.ts> [--variant <name>] [-o <out.sh>] [--manifest <file.json>]
                                          Compile one program (one variant of a source
                                          with variants). Without -o, or with -o -, the
                                          script goes to standard output. --manifest writes
                                          what it needs at boot: programs, kernel modules,
                                          files (compiler/manifest/manifest.schema.json).
  initsh build <entry.ts> --all-variants -o <dir>
                                          Compile every variant: <dir>/init-<name>.sh and
                                          its manifest <dir>/init-<name>.json.
  initsh build … -o <out> --watch         Build, then build again on every save of the entry
                                          (until Ctrl-C); a build with errors keeps the last
                                          good output.
  initsh check <entry.ts> [--variant <name>]
                                          Type-check and run every initsh check (every
                                          variant, without --variant); write nothing.
  initsh params <entry.ts> [--variant <name>] [--format text|markdown|json]
                                          List the kernel command-line parameters the init
                                          reads, with their types, defaults and TSDoc.
  initsh pack <init.ts> -o <initrd.img> [--variant <name> | --all-variants] [options]
                                          Make a bootable initramfs for the init: busybox
                                          with the applets it runs, the other programs and
                                          their libraries, the kernel modules and files its
                                          manifest names (initsh pack --help).
  initsh pack --list <initrd.img>         What an image holds.
  initsh examples [-d <dir>]              Compile every example in examples/ into <dir>
                                          (default: build/examples; a folder with variants
                                          into <dir>/<folder>/).
  initsh simulate <init.ts|init.sh> [--cmdline '…'] [--scenario <file.json>]
                  [--console <line>]… [--shell dash|busybox] [--timeout <ms>]
                  [--variant <name>] [--json]
                                          Run an init as PID 1 of a simulated machine and
                                          print the commands it ran, its console output and
                                          how it ended (initsh simulate --help; testing/README.md).
  initsh init [<dir>]                     Start a project in <dir> (default: here): init.ts,
                                          scenario.json, a test, tsconfig.json with initsh's
                                          lib, and npm scripts (check, build, simulate, test).
  initsh --help                           Show this help.
  initsh --version                        Show the version.

Every file is written whole or not at all (a temporary file, then a rename); a missing
folder of -o or --manifest is created.

Exit status: 0 on success; 1 when the program has errors (diagnostics are printed on
standard error and no output file is written) or, for simulate, when the init did not
hand over (rescue shell, panic, time limit); 2 on a usage error.
`;

/** A usage error: one line naming the problem, exit status 2. */
function usage(message: string): never {
  process.stderr.write(`initsh ${message} — see initsh --help\n`);
  process.exit(2);
}

/** The one entry file a command takes, which must be a readable TypeScript source (else a usage error). */
function entryOperand(command: string, operands: readonly string[]): string {
  if (operands.length === 0) usage(`${command}: no entry file (a .ts source) given`);
  if (operands.length > 1) usage(`${command}: one entry file, not ${operands.map((o) => `'${o}'`).join(" and ")}`);
  const problem = sourceProblem(operands[0]!);
  if (problem !== undefined) usage(`${command}: ${problem}`);
  return operands[0]!;
}

/** The options a command takes: those with a value, and switches. */
interface OptionSpec {
  values: readonly string[];
  switches?: readonly string[];
}

/** Splits `args` into options (by their first spelling) and operands; an unknown option is a usage error. */
function parseArgs(command: string, args: readonly string[], spec: OptionSpec, aliases: Record<string, string> = {}) {
  const options = new Map<string, string>();
  const switches = new Set<string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = aliases[arg] ?? arg;
    if (spec.values.includes(name)) {
      const value = args[++i];
      if (value === undefined) usage(`${command}: ${arg} needs a value`);
      options.set(name, value);
    } else if (spec.switches?.includes(name)) {
      switches.add(name);
    } else if (arg.startsWith("-") && arg !== "-") {
      usage(`${command}: unknown option '${arg}'`);
    } else {
      operands.push(arg);
    }
  }
  return { options, switches, operands };
}

type Session = import("./index.ts").CompileSession;

/** Compiles one program (one variant); returns false (after printing why) when it has errors. */
function build(compiler: Compiler, entry: string, out: string | undefined, manifest: string | undefined, variant: string | undefined, session?: Session): boolean {
  const result = compiler.compileFile(entry, { ...(variant === undefined ? {} : { variant }), ...(session ? { session } : {}) });
  report(compiler, result.diagnostics, result.ok);
  if (!result.ok) return false;
  try {
    if (manifest !== undefined) writeFile(manifest, JSON.stringify(result.manifest, null, 2) + "\n");
  } catch (error) {
    return cannotWrite(manifest!, error);
  }
  try {
    if (out === undefined || out === "-") process.stdout.write(result.script);
    else writeFile(out, result.script, 0o755);
  } catch (error) {
    return cannotWrite(out!, error);
  }
  return true;
}

/** Compiles every variant of a source into `dir`: init-<name>.sh and init-<name>.json. */
function buildAllVariants(compiler: Compiler, entry: string, dir: string, quiet = false, session?: Session): boolean {
  const result = compiler.compileVariants(entry, session ? { session } : {});
  report(compiler, result.diagnostics, result.ok);
  if (!result.ok) return false;
  if (result.variants.length === 1 && result.variants[0]!.name === "") {
    process.stderr.write(`initsh: ${entry} declares no variants (export const variants = { … }): build it without --all-variants.\n`);
    return false;
  }
  try {
    makeDirectory(dir);
    for (const v of result.variants) {
      writeAtomically(join(dir, `init-${v.name}.sh`), v.script, 0o755);
      writeAtomically(join(dir, `init-${v.name}.json`), JSON.stringify(v.manifest, null, 2) + "\n");
      if (!quiet) process.stdout.write(`${join(dir, `init-${v.name}.sh`)}\n`);
    }
  } catch (error) {
    return cannotWrite(dir, error);
  }
  return true;
}

/** `initsh params`: the kernel parameters one program (one variant) reads. */
function params(compiler: Compiler, entry: string, variant: string | undefined, format: "text" | "markdown" | "json"): boolean {
  const result = compiler.compileFile(entry, variant === undefined ? {} : { variant });
  report(compiler, result.diagnostics, result.ok, "");
  if (!result.ok) return false;
  process.stdout.write(compiler.formatParameters(compiler.kernelParameters(result.params), format));
  return true;
}

function buildExamples(compiler: Compiler, dir: string): boolean {
  const examples = join(packageRoot, "examples");
  try {
    makeDirectory(dir);
  } catch (error) {
    return cannotWrite(dir, error);
  }
  let ok = true;
  for (const entry of readdirSync(examples, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isFile() && entry.name.endsWith(".ts")) {
      const out = join(dir, basename(entry.name, ".ts") + ".sh");
      if (build(compiler, join(examples, entry.name), out, undefined, undefined)) process.stdout.write(`compiled examples/${entry.name} -> ${out}\n`);
      else ok = false;
    } else if (entry.isDirectory() && existsSync(join(examples, entry.name, "init.ts"))) {
      const out = join(dir, entry.name);
      if (buildAllVariants(compiler, join(examples, entry.name, "init.ts"), out, true)) process.stdout.write(`compiled examples/${entry.name}/init.ts -> ${out}/init-*.sh\n`);
      else ok = false;
    }
  }
  return ok;
}

/** Loads the compiler with the code cache on; the returned `done` saves the cache. */
async function loadCompiler(): Promise<{ compiler: Compiler; done(): void }> {
  const cache = enableCompileCache();
  const compiler = await import("./index.ts");
  return { compiler, done: () => cache?.save() };
}

/**
 * Runs the CLI with the arguments after `initsh`; sets `process.exitCode` (0, 1 for a failed
 * build, 2 for a usage error). Never throws: an unexpected error (a bug) is one line on stderr
 * and exit status 1, not a stack trace.
 */
export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`initsh build x.ts | head -1`) ends the output, not the process with a trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") return;
    process.stderr.write(`initsh: cannot write to standard output: ${error.message}\n`);
    process.exit(1);
  });
  try {
    await dispatch(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`initsh: internal error: ${message.split("\n")[0]} (please report it)\n`);
    process.exitCode = 1;
  }
}

async function dispatch(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(HELP);
    process.exitCode = 2;
    return;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write("initsh 0.1.0\n");
    return;
  }
  if (command === "build") {
    const { options, switches, operands } = parseArgs("build", rest, { values: ["-o", "--manifest", "--variant"], switches: ["--all-variants", "--watch"] }, { "--out": "-o", "-w": "--watch" });
    const entry = entryOperand("build", operands);
    const all = switches.has("--all-variants");
    if (all && (options.has("--variant") || options.has("--manifest"))) usage("build: --all-variants builds every variant, each with its manifest: drop --variant and --manifest");
    if (all && (options.get("-o") === undefined || options.get("-o") === "-")) usage("build: --all-variants needs -o <dir> for the scripts");
    if (switches.has("--watch") && (options.get("-o") === undefined || options.get("-o") === "-")) usage("build: --watch needs -o <file> (or -o <dir> with --all-variants)");
    const { compiler, done } = await loadCompiler();
    if (switches.has("--watch")) {
      const session = compiler.createSession();
      const out = options.get("-o")!;
      const rebuild = all
        ? () => buildAllVariants(compiler, entry, out, true, session)
        : () => build(compiler, entry, out, options.get("--manifest"), options.get("--variant"), session);
      await watchBuild(entry, all ? `${out}/init-*.sh` : out, rebuild, done);
      return;
    }
    const ok = all
      ? buildAllVariants(compiler, entry, options.get("-o")!)
      : build(compiler, entry, options.get("-o"), options.get("--manifest"), options.get("--variant"));
    process.exitCode = ok ? 0 : 1;
    done();
    return;
  }
  if (command === "init") {
    const { operands } = parseArgs("init", rest, { values: [] });
    if (operands.length > 1) usage(`init: one folder, not ${operands.map((o) => `'${o}'`).join(" and ")}`);
    process.exitCode = scaffold(operands[0] ?? ".") ? 0 : 1;
    return;
  }
  if (command === "check") {
    const { options, operands } = parseArgs("check", rest, { values: ["--variant"] });
    const entry = entryOperand("check", operands);
    const { compiler, done } = await loadCompiler();
    process.exitCode = check(compiler, entry, options.get("--variant")) ? 0 : 1;
    done();
    return;
  }
  if (command === "params") {
    const { options, operands } = parseArgs("params", rest, { values: ["--variant", "--format"] });
    const entry = entryOperand("params", operands);
    const format = options.get("--format") ?? "text";
    if (format !== "text" && format !== "markdown" && format !== "json") usage(`params: --format is text, markdown or json, not '${format}'`);
    const { compiler, done } = await loadCompiler();
    process.exitCode = params(compiler, entry, options.get("--variant"), format) ? 0 : 1;
    done();
    return;
  }
  if (command === "examples") {
    const { options, operands } = parseArgs("examples", rest, { values: ["-d"] });
    if (operands.length !== 0) usage(`examples: no operands, not '${operands[0]}'`);
    const { compiler, done } = await loadCompiler();
    process.exitCode = buildExamples(compiler, options.get("-d") ?? "build/examples") ? 0 : 1;
    done();
    return;
  }
  if (command === "pack") {
    // The image builder (compiler/pack/): it loads the compiler only for a .ts init.
    const { runPackCommand } = await import("./pack/command.ts");
    process.exitCode = await runPackCommand(rest, loadCompiler);
    return;
  }
  if (command === "simulate") {
    // The simulated machine lives in testing/ (also the package export initsh/testing).
    const { runSimulateCommand } = await import("../testing/cli.ts");
    process.exitCode = await runSimulateCommand(rest);
    return;
  }
  usage(`${command}: unknown command`);
}
