import { ts } from "ts-morph";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { diagnostics } from "./diagnostics/codes.ts";
import { lowerSource, type ProgramInput } from "./pipeline/index.ts";

/**
 * initsh's checks that hold whatever the types say — an init's declaration, a command name
 * that is not a literal, an exit, an ignored failure, a conversion that can stop the script —
 * are made while the program is lowered, which normally waits for a program without type
 * errors. So that one round of fixing shows them all, a program with type errors is lowered
 * anyway and these are kept (its other findings could come from the type errors themselves:
 * an `any` where a name is missing, say).
 */
const TYPE_INDEPENDENT = new Set(
  [diagnostics.fallibleIgnored, diagnostics.initNotNever, diagnostics.commandNotLiteral, diagnostics.exitInInit, diagnostics.environmentName, diagnostics.uncheckedConversion].map(
    (d) => d.code,
  ),
);

/**
 * The type-independent checks' diagnostics for a program that has type errors, or none when
 * lowering it failed some other way (it never throws).
 */
export function checksDespiteTypeErrors(source: ts.SourceFile, input: ProgramInput): Diagnostic[] {
  try {
    return lowerSource(source, input).ctx.diagnostics.filter((d) => TYPE_INDEPENDENT.has(d.code));
  } catch {
    return [];
  }
}

/**
 * A failed compilation's diagnostics grouped: TypeScript's first, then initsh's, each in
 * order of position, each reported once.
 */
export function grouped(found: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = found.filter((d) => {
    const key = `${d.code}@${d.file}:${d.line}:${d.column}`;
    return !seen.has(key) && !!seen.add(key);
  });
  const byPosition = (a: Diagnostic, b: Diagnostic) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  const typescript = unique.filter((d) => d.code.startsWith("TS")).sort(byPosition);
  const initsh = unique.filter((d) => !d.code.startsWith("TS")).sort(byPosition);
  return [...typescript, ...initsh];
}
