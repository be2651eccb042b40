import type { Diagnostic } from "./diagnostic.ts";

/**
 * Prints diagnostics the way `tsc --pretty false` prints its own, followed by a code frame:
 *
 *   init.ts(3,7): error IS1004: Classes are not supported. …
 *
 *   3 class A {}
 *           ~
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], cwd = process.cwd()): string {
  return diagnostics.map((d) => formatDiagnostic(d, cwd)).join("\n");
}

function formatDiagnostic(d: Diagnostic, cwd: string): string {
  const where = d.file ? `${relative(d.file, cwd)}${d.line ? `(${d.line},${d.column})` : ""}: ` : "";
  const head = `${where}${d.category} ${d.code}: ${d.message}`;
  const frame = codeFrame(d);
  return frame ? `${head}\n\n${frame}\n` : head;
}

function codeFrame(d: Diagnostic): string | undefined {
  if (d.sourceText === undefined || !d.line || !d.column) return undefined;
  const lines = d.sourceText.split(/\r?\n/);
  const text = lines[d.line - 1];
  if (text === undefined) return undefined;
  const gutter = String(d.line);
  const width = Math.max(1, Math.min(d.length ?? 1, text.length - (d.column - 1)));
  const pad = " ".repeat(gutter.length);
  return `${gutter} ${text}\n${pad} ${" ".repeat(d.column - 1)}${"~".repeat(width)}`;
}

function relative(file: string, cwd: string): string {
  return file.startsWith(cwd + "/") ? file.slice(cwd.length + 1) : file;
}
