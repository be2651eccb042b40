import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { enableCompileCache } from "./compile-cache.ts";
import { packageRoot } from "./paths.ts";

// The compiler (and with it TypeScript) is loaded only by the commands that compile, after the
// code cache is on: `--help` and usage errors stay instant. esbuild keeps this import lazy in
// the CommonJS bundle (compiler/build.mjs).
type Compiler = typeof import("./index.ts");
type Diagnostic = import("./index.ts").Diagnostic;

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
                  [--console <line>]… [--shell dash|busybox] [--timeout <ms>] [--json]
                                          Run an init as PID 1 of a simulated machine and
                                          print the commands it ran, its console output and
                                          how it ended (initsh simulate --help; testing/README.md).
  initsh --help                           Show this help.
  initsh --version                        Show the version.

Every file is written whole or not at all (a temporary file, then a rename).

Exit status: 0 on success; 1 when the program has errors (diagnostics are printed on
standard error and no output file is written) or, for simulate, when the init did not
hand over (rescue shell, panic, time limit); 2 on a usage error.
`;

function usage(message: string): never {
  process.stderr.write(`initsh: ${message}\n\n${HELP}`);
  process.exit(2);
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
      if (value === undefined) usage(`${arg} needs a value`);
      options.set(name, value);
    } else if (spec.switches?.includes(name)) {
      switches.add(name);
    } else if (arg.startsWith("-") && arg !== "-") {
      usage(`${command} has no option '${arg}'`);
    } else {
      operands.push(arg);
    }
  }
  return { options, switches, operands };
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
function writeAtomically(path: string, text: string, mode = 0o644): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { mode });
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Prints diagnostics, and says that nothing was written when there are errors. */
function report(compiler: Compiler, diagnostics: readonly Diagnostic[], ok: boolean, what = "No script was written."): void {
  if (diagnostics.length > 0) process.stderr.write(compiler.formatDiagnostics([...diagnostics]) + "\n");
  if (!ok) {
    const errors = diagnostics.filter((d) => d.category === "error").length;
    process.stderr.write(`\nFound ${errors} error${errors === 1 ? "" : "s"}. ${what}\n`);
  }
}

/** A file that cannot be written: a clear message, exit status 1. */
function cannotWrite(path: string, error: unknown): false {
  const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "its folder does not exist" : (error as Error).message;
  process.stderr.write(`initsh: cannot write ${path}: ${reason}\n`);
  return false;
}

/** Compiles one program (one variant); returns false (after printing why) when it has errors. */
function build(compiler: Compiler, entry: string, out: string | undefined, manifest: string | undefined, variant: string | undefined): boolean {
  const result = compiler.compileFile(entry, variant === undefined ? {} : { variant });
  report(compiler, result.diagnostics, result.ok);
  if (!result.ok) return false;
  try {
    if (manifest !== undefined) writeAtomically(manifest, JSON.stringify(result.manifest, null, 2) + "\n");
    if (out === undefined || out === "-") process.stdout.write(result.script);
    else writeAtomically(out, result.script, 0o755);
  } catch (error) {
    return cannotWrite(out ?? manifest ?? "", error);
  }
  return true;
}

/** Compiles every variant of a source into `dir`: init-<name>.sh and init-<name>.json. */
function buildAllVariants(compiler: Compiler, entry: string, dir: string, quiet = false): boolean {
  const result = compiler.compileVariants(entry);
  report(compiler, result.diagnostics, result.ok);
  if (!result.ok) return false;
  if (result.variants.length === 1 && result.variants[0]!.name === "") {
    process.stderr.write(`initsh: ${entry} declares no variants (export const variants = { … }): build it without --all-variants.\n`);
    return false;
  }
  try {
    mkdirSync(dir, { recursive: true });
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
  mkdirSync(dir, { recursive: true });
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

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write("initsh 0.1.0\n");
    return;
  }
  if (command === "build") {
    const { options, switches, operands } = parseArgs("build", rest, { values: ["-o", "--manifest", "--variant"], switches: ["--all-variants"] }, { "--out": "-o" });
    if (operands.length !== 1) usage(operands.length === 0 ? "build needs an entry file" : `build takes one entry file, not ${operands.map((o) => `'${o}'`).join(" and ")}`);
    const all = switches.has("--all-variants");
    if (all && (options.has("--variant") || options.has("--manifest"))) usage("--all-variants builds every variant, each with its manifest: drop --variant and --manifest");
    if (all && (options.get("-o") === undefined || options.get("-o") === "-")) usage("--all-variants needs -o <dir> for the scripts");
    const { compiler, done } = await loadCompiler();
    const ok = all
      ? buildAllVariants(compiler, operands[0]!, options.get("-o")!)
      : build(compiler, operands[0]!, options.get("-o"), options.get("--manifest"), options.get("--variant"));
    process.exitCode = ok ? 0 : 1;
    done();
    return;
  }
  if (command === "params") {
    const { options, operands } = parseArgs("params", rest, { values: ["--variant", "--format"] });
    if (operands.length !== 1) usage("params takes one entry file");
    const format = options.get("--format") ?? "text";
    if (format !== "text" && format !== "markdown" && format !== "json") usage(`--format is text, markdown or json, not '${format}'`);
    const { compiler, done } = await loadCompiler();
    process.exitCode = params(compiler, operands[0]!, options.get("--variant"), format) ? 0 : 1;
    done();
    return;
  }
  if (command === "examples") {
    const { options, operands } = parseArgs("examples", rest, { values: ["-d"] });
    if (operands.length !== 0) usage(`unexpected argument '${operands[0]}'`);
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
  usage(`unknown command '${command}'`);
}
