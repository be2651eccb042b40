/** How the CLI prints a compilation's diagnostics, and its summary line when it failed. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

type Compiler = typeof import("../index.ts");

/**
 * Prints diagnostics on stderr, as tsc does; when the compilation failed, a summary line
 * counting the errors, then `what` (what was not written).
 */
export function report(compiler: Compiler, diagnostics: readonly Diagnostic[], ok: boolean, what = "No script was written."): void {
  if (diagnostics.length > 0) process.stderr.write(compiler.formatDiagnostics([...diagnostics]) + "\n");
  if (!ok) process.stderr.write(`\n${summary(diagnostics)}${what === "" ? "" : ` ${what}`}\n`);
}

/** "Found 3 errors." — "(2 from TypeScript, 1 from initsh's checks)" when both found some. */
export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.category === "error");
  const typescript = errors.filter((d) => d.code.startsWith("TS")).length;
  const initsh = errors.length - typescript;
  const split = typescript > 0 && initsh > 0 ? ` (${typescript} from TypeScript, ${initsh} from initsh's checks)` : "";
  return `Found ${errors.length} error${errors.length === 1 ? "" : "s"}${split}.`;
}
