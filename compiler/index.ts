import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ts } from "ts-morph";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { diagnostics } from "./diagnostics/codes.ts";
import { typeCheck } from "./front/gate.ts";
import { checkNesting } from "./front/nesting.ts";
import { checkSyntax } from "./front/syntax.ts";
import { checksDespiteTypeErrors, grouped } from "./despite-type-errors.ts";
import { createProject, createProjectCache, type ProjectCache } from "./front/project.ts";
import { finishProgram, lowerSource, type LoweredSource } from "./pipeline/index.ts";
import { libFile } from "./paths.ts";
import { readVariants, variantCalls, type VariantSet } from "./front/variants.ts";
import type { Manifest } from "./manifest/collect.ts";
import type { ParamRead } from "./sh/ast.ts";

const stdlibDir = join(dirname(libFile), "..", "stdlib");
const variantsFile = join(dirname(libFile), "variants.ts");
import { printScript } from "./sh/printer.ts";

export type { Diagnostic } from "./diagnostics/diagnostic.ts";
export { formatDiagnostics } from "./diagnostics/format.ts";

export type { Manifest, ManifestCommand } from "./manifest/collect.ts";
export type { ParamRead } from "./sh/ast.ts";
export { formatParameters, kernelParameters, type KernelParameter } from "./params.ts";

/** How to compile. */
export interface CompileOptions {
  /** The variant to build, for a source that declares variants (`export const variants`). */
  variant?: string;
  /** Reuse what earlier compilations with this session parsed (see {@link createSession}). */
  session?: CompileSession;
}

/**
 * What a long-running process (`initsh build --watch`) keeps between compilations: the parsed
 * lib and boot library, and the last program. The output is the same with or without it.
 */
export interface CompileSession {
  readonly project: ProjectCache;
}

/** A new {@link CompileSession}, for compiling the same entry again and again. */
export function createSession(): CompileSession {
  return { project: createProjectCache() };
}

/** One compiled script: its text, what it needs at boot, and the kernel parameters it reads. */
export interface CompiledScript {
  script: string;
  manifest: Manifest;
  params: ParamRead[];
}

export type CompileResult = ({ ok: true; diagnostics: Diagnostic[] } & CompiledScript) | { ok: false; diagnostics: Diagnostic[] };

export type VariantsResult =
  | { ok: true; diagnostics: Diagnostic[]; variants: ({ name: string } & CompiledScript)[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** A type-checked program, ready to be lowered once per variant. */
interface Front {
  entry: string;
  source: ts.SourceFile;
  program: ts.Program;
  checker: ts.TypeChecker;
  variants: VariantSet | undefined;
  /** Warnings and the like from the checks, reported with every result. */
  checked: Diagnostic[];
}

const fileDiagnostic = (code: string, file: string, message: string): Diagnostic => ({ code, category: "error", file, message });

/**
 * Compiles a TypeScript program to a POSIX sh script. Never throws on bad input: problems
 * come back as diagnostics, and any error means no script. A source with variants needs
 * `options.variant`.
 */
export function compileFile(path: string, options: CompileOptions = {}): CompileResult {
  const entry = resolve(path);
  return guarded(entry, () => {
    const front = analyse(path, entry, options.session);
    if (!("source" in front)) return front;
    const names = [...(front.variants?.configs.keys() ?? [])];
    const chosen = options.variant;
    if (front.variants && chosen === undefined) {
      return { ok: false, diagnostics: [fileDiagnostic("IS0002", entry, `${relativeName(entry)} has variants (${names.join(", ")}): build one with --variant NAME, or all of them with --all-variants.`)] };
    }
    if (chosen !== undefined && !front.variants) {
      return { ok: false, diagnostics: [fileDiagnostic("IS0003", entry, `${relativeName(entry)} declares no variants (export const variants = { … }), so there is no variant '${chosen}' to build.`)] };
    }
    if (chosen !== undefined && !names.includes(chosen)) {
      return { ok: false, diagnostics: [fileDiagnostic("IS0003", entry, `${relativeName(entry)} has no variant '${chosen}': its variants are ${names.join(", ")}.`)] };
    }
    return finishOne(front, lowerOnce(front), chosen);
  });
}

/** Compiles every variant of a source, with one type-check; a source without variants gives one script, named "". */
export function compileVariants(path: string, options: Pick<CompileOptions, "session"> = {}): VariantsResult {
  const entry = resolve(path);
  return guarded(entry, () => {
    const front = analyse(path, entry, options.session);
    if (!("source" in front)) return front;
    const names = front.variants ? [...front.variants.configs.keys()] : [undefined];
    const variants: ({ name: string } & CompiledScript)[] = [];
    const lowered = lowerOnce(front);
    for (const name of names) {
      const one = finishOne(front, lowered, name);
      if (!one.ok) return one;
      variants.push({ name: name ?? "", script: one.script, manifest: one.manifest, params: one.params });
    }
    return { ok: true, diagnostics: front.checked, variants };
  });
}

/** Reads, checks and type-checks the entry, and evaluates its variants. */
function analyse(path: string, entry: string, session?: CompileSession): Front | { ok: false; diagnostics: Diagnostic[] } {
  const text = readSource(entry);
  if (text === undefined) {
    return { ok: false, diagnostics: [{ code: "IS0001", category: "error", message: `Cannot read file '${path}': it does not exist or is not a readable file.` }] };
  }
  const tooDeep = checkNesting(entry, text);
  if (tooDeep) return { ok: false, diagnostics: [tooDeep] };
  const { project, source } = createProject(entry, text, session?.project);
  const checked = [...checkSyntax(source), ...typeCheck(project, source)];
  const program = project.getProgram().compilerObject;
  const checker = project.getTypeChecker().compilerObject;
  if (checked.some((d) => d.category === "error")) {
    const input = { checker, libFileName: libFile, libraryFunction: (module: string, name: string) => libraryFunction(program, module, name) };
    return { ok: false, diagnostics: grouped([...checked, ...checksDespiteTypeErrors(source, input)]) };
  }
  const calls = variantCalls(source, checker, variantsFile);
  const read = readVariants(source, checker, calls);
  if (read.diagnostics.length > 0) return { ok: false, diagnostics: grouped([...checked, ...read.diagnostics]) };
  return { entry, source, program, checker, variants: read.set, checked };
}

/** The program lowered once (for every variant, when it has variants). */
function lowerOnce(front: Front): LoweredSource {
  const { source, program, checker } = front;
  return lowerSource(source, {
    checker,
    libFileName: libFile,
    libraryFunction: (module, name) => libraryFunction(program, module, name),
    ...(front.variants ? { variants: front.variants } : {}),
  });
}

/** The script of one variant (or of a source without variants) from the program lowered once. */
function finishOne(front: Front, lowered: LoweredSource, variant: string | undefined): CompileResult {
  const { entry, checked } = front;
  const config = variant === undefined ? undefined : front.variants?.configs.get(variant);
  const done = finishProgram(lowered, config ? { config } : undefined);
  if (done.diagnostics.length > 0) return { ok: false, diagnostics: grouped([...checked, ...done.diagnostics]) };
  const manifest: Manifest = { manifestVersion: 1, source: relativeName(entry), ...(variant !== undefined ? { variant } : {}), ...done.needs.manifest };
  const names = manifest.commands.map((c) => c.name);
  const header = [
    "#!/bin/sh",
    `# Generated by initsh from ${relativeName(entry)}${variant !== undefined ? `, variant ${variant}` : ""}. Edit the TypeScript, not this file.`,
    ...(names.length > 0 ? [`# External commands: ${names.join(" ")}`] : []),
    "",
  ].join("\n");
  return { ok: true, script: header + printScript(done.commands), manifest, params: done.needs.params, diagnostics: checked };
}

/** Runs a compilation step, turning a crash (a compiler bug) or a stack overflow into a diagnostic. */
function guarded<R>(entry: string, step: () => R | { ok: false; diagnostics: Diagnostic[] }): R | { ok: false; diagnostics: Diagnostic[] } {
  try {
    return step();
  } catch (error) {
    if (error instanceof RangeError && /call stack/.test(error.message)) {
      return { ok: false, diagnostics: [{ code: diagnostics.nestingTooDeep.code, category: "error", file: entry, message: "The program nests too deeply for the compiler's stack: split long or deep expressions into named steps." }] };
    }
    // A crash here is a compiler bug; report it as a diagnostic rather than a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      diagnostics: [{ code: "IS0000", category: "error", file: entry, message: `Internal compiler error: ${message}. Please report it with this file.` }],
    };
  }
}

/** A function declared (with a body) at the top level of stdlib/<module>.ts. */
function libraryFunction(program: ts.Program, module: string, name: string): ts.FunctionDeclaration | undefined {
  const file = program.getSourceFile(join(stdlibDir, `${module}.ts`));
  return file?.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name && !!s.body);
}

function readSource(file: string): string | undefined {
  try {
    return statSync(file).isFile() ? readFileSync(file, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

function relativeName(file: string): string {
  const cwd = process.cwd();
  return file.startsWith(cwd + "/") ? file.slice(cwd.length + 1) : file;
}
