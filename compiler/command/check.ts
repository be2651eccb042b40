/** `initsh check`: everything `initsh build` checks, with nothing written. */
import { report } from "./report.ts";

type Compiler = typeof import("../index.ts");

/**
 * Type-checks `entry` and runs every initsh check on it — for a source with variants, on
 * each variant (or only `variant`, when given) — printing the diagnostics as `initsh build`
 * would and writing nothing. Returns false when there are errors (warnings alone pass).
 */
export function check(compiler: Compiler, entry: string, variant: string | undefined): boolean {
  const result = variant === undefined ? compiler.compileVariants(entry) : compiler.compileFile(entry, { variant });
  report(compiler, result.diagnostics, result.ok, "");
  return result.ok;
}
