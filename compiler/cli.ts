import { chmodSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { enableCompileCache } from "./compile-cache.ts";
import { packageRoot } from "./paths.ts";

// The compiler (and with it TypeScript) is loaded only by the commands that compile, after the
// code cache is on: `--help` and usage errors stay instant. esbuild keeps this import lazy in
// the CommonJS bundle (compiler/build.mjs).
type Compiler = typeof import("./index.ts");

const HELP = `initsh — compile typed TypeScript boot logic to POSIX sh

Usage:
  initsh build <entry.ts> [-o <out.sh>] [--manifest <file.json>]
                                          Compile one program. Without -o, or with -o -,
                                          the script goes to standard output. --manifest
                                          writes what the script needs: {"commands": […]},
                                          every external program it may run.
  initsh examples [-d <dir>]              Compile every example in examples/ into <dir>
                                          (default: build/examples).
  initsh simulate <init.ts|init.sh> [--cmdline '…'] [--scenario <file.json>]
                  [--console <line>]… [--shell dash|busybox] [--timeout <ms>] [--json]
                                          Run an init as PID 1 of a simulated machine and
                                          print the commands it ran, its console output and
                                          how it ended (initsh simulate --help; testing/README.md).
  initsh --help                           Show this help.
  initsh --version                        Show the version.

Exit status: 0 on success; 1 when the program has errors (diagnostics are printed on
standard error and no output file is written) or, for simulate, when the init did not
hand over (rescue shell, panic, time limit); 2 on a usage error.
`;

function usage(message: string): never {
  process.stderr.write(`initsh: ${message}\n\n${HELP}`);
  process.exit(2);
}

/** Compiles one file; returns false (after printing diagnostics) when it has errors. */
function build(compiler: Compiler, entry: string, out: string | undefined, manifest?: string): boolean {
  const { compileFile, formatDiagnostics } = compiler;
  const result = compileFile(entry);
  if (result.diagnostics.length > 0) process.stderr.write(formatDiagnostics(result.diagnostics) + "\n");
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.category === "error").length;
    process.stderr.write(`\nFound ${errors} error${errors === 1 ? "" : "s"}. No script was written.\n`);
    return false;
  }
  if (manifest !== undefined) writeFileSync(manifest, JSON.stringify(result.manifest, null, 2) + "\n");
  if (out === undefined || out === "-") {
    process.stdout.write(result.script);
  } else {
    writeFileSync(out, result.script);
    chmodSync(out, 0o755);
  }
  return true;
}

function buildExamples(compiler: Compiler, dir: string): boolean {
  const examples = join(packageRoot, "examples");
  mkdirSync(dir, { recursive: true });
  let ok = true;
  for (const file of readdirSync(examples).filter((f) => f.endsWith(".ts")).sort()) {
    const out = join(dir, basename(file, ".ts") + ".sh");
    if (build(compiler, join(examples, file), out)) process.stdout.write(`compiled examples/${file} -> ${out}\n`);
    else ok = false;
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
  const flag = (name: string): string | undefined => {
    const i = rest.indexOf(name);
    if (i < 0) return undefined;
    const value = rest[i + 1];
    if (value === undefined) usage(`${name} needs a value`);
    rest.splice(i, 2);
    return value;
  };
  if (command === "build") {
    const out = flag("-o") ?? flag("--out");
    const manifest = flag("--manifest");
    if (rest.length !== 1) usage("build takes exactly one entry file");
    const { compiler, done } = await loadCompiler();
    process.exitCode = build(compiler, rest[0]!, out, manifest) ? 0 : 1;
    done();
    return;
  }
  if (command === "examples") {
    const dir = flag("-d") ?? "build/examples";
    if (rest.length !== 0) usage(`unexpected argument '${rest[0]}'`);
    const { compiler, done } = await loadCompiler();
    process.exitCode = buildExamples(compiler, dir) ? 0 : 1;
    done();
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
