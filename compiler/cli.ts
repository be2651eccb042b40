import { chmodSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { compileFile, formatDiagnostics } from "./index.ts";
import { packageRoot } from "./paths.ts";

const HELP = `initsh — compile typed TypeScript boot logic to POSIX sh

Usage:
  initsh build <entry.ts> [-o <out.sh>]   Compile one program. Without -o, or with -o -,
                                          the script goes to standard output.
  initsh examples [-d <dir>]              Compile every example in examples/ into <dir>
                                          (default: build/examples).
  initsh --help                           Show this help.
  initsh --version                        Show the version.

Exit status: 0 on success; 1 when the program has errors (diagnostics are printed on
standard error and no output file is written); 2 on a usage error.
`;

function usage(message: string): never {
  process.stderr.write(`initsh: ${message}\n\n${HELP}`);
  process.exit(2);
}

/** Compiles one file; returns false (after printing diagnostics) when it has errors. */
function build(entry: string, out: string | undefined): boolean {
  const result = compileFile(entry);
  if (result.diagnostics.length > 0) process.stderr.write(formatDiagnostics(result.diagnostics) + "\n");
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.category === "error").length;
    process.stderr.write(`\nFound ${errors} error${errors === 1 ? "" : "s"}. No script was written.\n`);
    return false;
  }
  if (out === undefined || out === "-") {
    process.stdout.write(result.script);
  } else {
    writeFileSync(out, result.script);
    chmodSync(out, 0o755);
  }
  return true;
}

function buildExamples(dir: string): boolean {
  const examples = join(packageRoot, "examples");
  mkdirSync(dir, { recursive: true });
  let ok = true;
  for (const file of readdirSync(examples).filter((f) => f.endsWith(".ts")).sort()) {
    const out = join(dir, basename(file, ".ts") + ".sh");
    if (build(join(examples, file), out)) process.stdout.write(`compiled examples/${file} -> ${out}\n`);
    else ok = false;
  }
  return ok;
}

export function main(argv: string[]): void {
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
    if (rest.length !== 1) usage("build takes exactly one entry file");
    process.exitCode = build(rest[0]!, out) ? 0 : 1;
    return;
  }
  if (command === "examples") {
    const dir = flag("-d") ?? "build/examples";
    if (rest.length !== 0) usage(`unexpected argument '${rest[0]}'`);
    process.exitCode = buildExamples(dir) ? 0 : 1;
    return;
  }
  usage(`unknown command '${command}'`);
}
