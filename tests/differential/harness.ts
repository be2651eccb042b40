/**
 * Differential harness: every case in `cases/` is run in Node (the oracle) and, compiled by
 * initsh, under six POSIX shells with nothing on PATH; the outputs and exit statuses must be
 * byte-identical. The generated scripts must also be clean under `shellcheck -s sh` and
 * `shellcheck -s dash`.
 *
 * Everything is spawned with explicit argv arrays: no shell strings anywhere.
 */
import { spawn } from "node:child_process";
import { accessSync, closeSync, constants, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";

export const differentialDir = dirname(fileURLToPath(import.meta.url));
export const casesDir = join(differentialDir, "cases");
export const compilerEntry = resolve(differentialDir, "../../compiler/index.ts");

/** Per-process run timeout for Node and every shell. */
export const RUN_TIMEOUT_MS = 10_000;

// --- Cases ---------------------------------------------------------------------------------

/** Case file names (`str-slice.ts`, ...), sorted; `DIFF_FILTER` (comma-separated substrings) narrows. */
export function listCases(filter: string | undefined = process.env.DIFF_FILTER): string[] {
  const all = readdirSync(casesDir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  if (!filter) return all;
  const parts = filter.split(",").filter((s) => s !== "");
  return all.filter((f) => parts.some((p) => f.includes(p)));
}

export function casePath(name: string): string {
  return join(casesDir, name);
}

// --- Tools ---------------------------------------------------------------------------------

export interface Shell {
  /** Test name: `busybox sh`, `dash`, ... */
  name: string;
  /** Absolute path of the executable, or undefined if it is not installed. */
  exe: string | undefined;
  /** Arguments before the script path. */
  args: string[];
}

function shell(name: string, program: string, args: string[]): Shell {
  return { name, exe: whichExecutable(program), args };
}

/** Resolves a program on the harness's own PATH (the shells themselves run with an empty PATH). */
export function whichExecutable(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      if (!statSync(candidate).isFile()) continue;
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** The six target shells (shells.json, shared with try.mjs and bench/run.mjs). */
export const SHELLS: Shell[] = (
  JSON.parse(readFileSync(join(differentialDir, "shells.json"), "utf8")) as { name: string; program: string; args: string[] }[]
).map((s) => shell(s.name, s.program, s.args));

export const SHELLCHECK = whichExecutable("shellcheck");
export const NODE = process.execPath;

// --- Processes -----------------------------------------------------------------------------

export interface RunResult {
  stdout: Buffer;
  stderr: Buffer;
  /** Exit status, or null when killed by a signal. */
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** spawn error (ENOENT ...), if any. */
  error?: string;
  ms: number;
}

export interface SpawnOptions {
  cwd?: string;
  env: Record<string, string>;
  timeoutMs?: number;
  /**
   * Collect stdout and stderr through files in this directory instead of pipes. Node writes
   * to a pipe asynchronously once the pipe is slow to drain (a loaded machine), and
   * `process.exit()` then drops what is queued; writes to a file are synchronous.
   */
  captureDir?: string;
}

/** Spawns argv[0] with argv[1..] (no shell), stdin ignored, collecting stdout/stderr as bytes. */
export function run(argv: string[], opts: SpawnOptions): Promise<RunResult> {
  const start = performance.now();
  return new Promise((resolvePromise) => {
    const [cmd, ...args] = argv;
    if (cmd === undefined) throw new Error("run: empty argv");
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let spawnError: string | undefined;
    const files = opts.captureDir ? [join(opts.captureDir, "stdout"), join(opts.captureDir, "stderr")] : undefined;
    const fds = files?.map((f) => openSync(f, "w"));
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ["ignore", fds?.[0] ?? "pipe", fds?.[1] ?? "pipe"],
      shell: false,
    });
    fds?.forEach((fd) => closeSync(fd));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, opts.timeoutMs ?? RUN_TIMEOUT_MS);
    child.stdout?.on("data", (b: Buffer) => out.push(b));
    child.stderr?.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => {
      spawnError = String(e);
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolvePromise({
        stdout: files ? readFileSync(files[0]!) : Buffer.concat(out),
        stderr: files ? readFileSync(files[1]!) : Buffer.concat(err),
        status,
        signal,
        timedOut,
        error: spawnError,
        ms: performance.now() - start,
      });
    });
  });
}

/** Runs `tasks` with at most `limit` in flight, preserving order of results. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// --- Temp directories ----------------------------------------------------------------------

let workRoot: string | undefined;

/** One temp root per process: scripts, an always-empty PATH directory, per-run working dirs. */
export function workDir(): string {
  if (workRoot === undefined) {
    workRoot = mkdtempSync(join(tmpdir(), "initsh-diff-"));
    mkdirSync(join(workRoot, "empty-path"));
    mkdirSync(join(workRoot, "scripts"));
    mkdirSync(join(workRoot, "cwd"));
  }
  return workRoot;
}

export function emptyPathDir(): string {
  return join(workDir(), "empty-path");
}

/**
 * A fresh working directory with decoy files, so an unquoted `*`, `?` or `[x]` in a generated
 * script expands to something visible instead of silently staying literal.
 */
export function freshCwd(label: string): string {
  const dir = mkdtempSync(join(workDir(), "cwd", label.replace(/[^A-Za-z0-9_.-]/g, "_") + "-"));
  for (const f of ["x", "y", "zzz", "-n", "-e"]) writeFileSync(join(dir, f), "");
  return dir;
}

export function cleanupWorkDir(): void {
  if (workRoot !== undefined && !process.env.DIFF_KEEP) rmSync(workRoot, { recursive: true, force: true });
}

// --- Oracle: Node --------------------------------------------------------------------------

export async function runInNode(path: string): Promise<RunResult> {
  const src = readFileSync(path, "utf8");
  const js = transformSync(src, { loader: "ts", format: "esm", sourcefile: path }).code;
  return run([NODE, "--input-type=module", "-e", js], {
    env: { PATH: process.env.PATH ?? "" },
    cwd: freshCwd("node"),
    captureDir: mkdtempSync(join(workDir(), "node-output-")),
  });
}

// --- Compiler ------------------------------------------------------------------------------

interface CompilerModule {
  compileFile(path: string): { ok: true; script: string; diagnostics: unknown[] } | { ok: false; diagnostics: unknown[] };
  formatDiagnostics(diags: unknown[]): string;
}

let compilerModule: Promise<CompilerModule> | undefined;

/** Imports `compiler/index.ts` lazily, so a missing or broken compiler fails cases, not collection. */
export function loadCompiler(): Promise<CompilerModule> {
  compilerModule ??= import(/* @vite-ignore */ compilerEntry) as Promise<CompilerModule>;
  return compilerModule;
}

export type CompileOutcome =
  | { ok: true; script: string; scriptPath: string; warnings: string; ms: number }
  | { ok: false; message: string; ms: number };

export async function compileCase(name: string): Promise<CompileOutcome> {
  const start = performance.now();
  let compiler: CompilerModule;
  try {
    compiler = await loadCompiler();
  } catch (e) {
    return { ok: false, message: `cannot load ${compilerEntry}: ${errorText(e)}`, ms: performance.now() - start };
  }
  try {
    const result = compiler.compileFile(casePath(name));
    const ms = performance.now() - start;
    if (!result.ok) {
      return { ok: false, message: `compile failed:\n${compiler.formatDiagnostics(result.diagnostics)}`, ms };
    }
    const scriptPath = join(workDir(), "scripts", name.replace(/\.ts$/, ".sh"));
    writeFileSync(scriptPath, result.script, { mode: 0o755 });
    const warnings = result.diagnostics.length ? compiler.formatDiagnostics(result.diagnostics) : "";
    return { ok: true, script: result.script, scriptPath, warnings, ms };
  } catch (e) {
    return { ok: false, message: `compiler threw: ${errorText(e)}`, ms: performance.now() - start };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

// --- Shells --------------------------------------------------------------------------------

export function runInShell(sh: Shell, scriptPath: string, label: string): Promise<RunResult> {
  if (sh.exe === undefined) {
    return Promise.resolve({
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      status: null,
      signal: null,
      timedOut: false,
      error: `${sh.name} is not installed`,
      ms: 0,
    });
  }
  return run([sh.exe, ...sh.args, scriptPath], {
    env: { PATH: emptyPathDir() },
    cwd: freshCwd(label),
  });
}

// --- Shellcheck ----------------------------------------------------------------------------

export interface ShellcheckFinding {
  dialect: string;
  line: number;
  column: number;
  level: string;
  code: number;
  message: string;
}

/**
 * Runs `shellcheck -s <dialect>` once over all `scripts` (batched), returning findings per
 * script path. A script missing from the map had none.
 */
export async function shellcheckBatch(scripts: string[], dialects = ["sh", "dash"]): Promise<Map<string, ShellcheckFinding[]>> {
  const findings = new Map<string, ShellcheckFinding[]>();
  if (scripts.length === 0) return findings;
  if (SHELLCHECK === undefined) throw new Error("shellcheck is not installed");
  // Keep argv well under ARG_MAX by chunking.
  const chunks: string[][] = [];
  for (let i = 0; i < scripts.length; i += 100) chunks.push(scripts.slice(i, i + 100));
  const jobs = dialects.flatMap((dialect) => chunks.map((chunk) => ({ dialect, chunk })));
  await pool(jobs, 2, async ({ dialect, chunk }) => {
    const r = await run([SHELLCHECK, "--norc", "-s", dialect, "-f", "json1", ...chunk], {
      env: { PATH: process.env.PATH ?? "" },
      timeoutMs: 300_000,
    });
    // Exit 0: no findings; 1: findings; anything else: shellcheck itself failed.
    if (r.status !== 0 && r.status !== 1) {
      throw new Error(`shellcheck -s ${dialect} failed (status ${r.status}): ${r.stderr.toString()}${r.error ?? ""}`);
    }
    const parsed = JSON.parse(r.stdout.toString() || '{"comments":[]}') as {
      comments: { file: string; line: number; column: number; level: string; code: number; message: string }[];
    };
    for (const c of parsed.comments) {
      const list = findings.get(c.file) ?? [];
      list.push({ dialect, line: c.line, column: c.column, level: c.level, code: c.code, message: c.message });
      findings.set(c.file, list);
    }
  });
  return findings;
}

export function formatFindings(findings: ShellcheckFinding[], script: string): string {
  const lines = script.split("\n");
  return findings
    .map(
      (f) =>
        `shellcheck -s ${f.dialect}: line ${f.line}:${f.column} ${f.level} SC${f.code}: ${f.message}\n` +
        `    ${lines[f.line - 1] ?? ""}`,
    )
    .join("\n");
}

// --- Comparison ----------------------------------------------------------------------------

function show(b: Buffer, max = 1500): string {
  const s = b.toString("latin1");
  const j = JSON.stringify(s.length > max ? s.slice(0, max) + "...(truncated)" : s);
  return j;
}

function firstDifference(a: Buffer, b: Buffer): string {
  const al = a.toString("latin1").split("\n");
  const bl = b.toString("latin1").split("\n");
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) {
      return `first difference at line ${i + 1}: node ${JSON.stringify(al[i] ?? "<EOF>")} vs shell ${JSON.stringify(bl[i] ?? "<EOF>")}`;
    }
  }
  return "";
}

/** Returns undefined when `actual` matches `expected` exactly, else a readable explanation. */
export function compareRuns(shellName: string, expected: RunResult, actual: RunResult): string | undefined {
  const problems: string[] = [];
  if (actual.error) problems.push(`spawn error: ${actual.error}`);
  if (actual.timedOut) problems.push(`timed out after ${RUN_TIMEOUT_MS} ms`);
  if (actual.signal && !actual.timedOut) problems.push(`killed by ${actual.signal}`);
  if (actual.status !== expected.status) problems.push(`exit status: node ${expected.status}, ${shellName} ${actual.status}`);
  if (!actual.stdout.equals(expected.stdout)) {
    problems.push(
      `stdout differs (${firstDifference(expected.stdout, actual.stdout)})\n` +
        `  node:  ${show(expected.stdout)}\n  shell: ${show(actual.stdout)}`,
    );
  }
  if (!actual.stderr.equals(expected.stderr)) {
    problems.push(
      `stderr differs (${firstDifference(expected.stderr, actual.stderr)})\n` +
        `  node:  ${show(expected.stderr)}\n  shell: ${show(actual.stderr)}`,
    );
  }
  return problems.length ? `[${shellName}] ${problems.join("\n")}` : undefined;
}

/** Sanity check on the oracle itself: Node must not have crashed or timed out. */
export function oracleProblem(r: RunResult): string | undefined {
  if (r.error) return `node spawn error: ${r.error}`;
  if (r.timedOut) return "node timed out";
  if (r.signal) return `node killed by ${r.signal}`;
  const err = r.stderr.toString();
  if (/^\s+at .*\)$/m.test(err) || err.includes("node:internal")) return `node threw:\n${err}`;
  return undefined;
}
