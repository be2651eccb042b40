/**
 * Diagnostic tests: every file in `cases/` is a small program the compiler must reject.
 * Its first line says which diagnostic, and where:
 *
 *   // expect: IS1002 at 2:1
 *   // expect: TS2583 at 2:19 "not available in initsh"     (optional message substring)
 *
 * line:column are 1-based and point at the start of the offending construct. Each case must
 * compile to ok:false with a diagnostic of exactly that code at exactly that position, and the
 * formatted output must name it (`file(line,col): error CODE:`) with a code frame underlining
 * it. A `*.fixed.ts` file says the same thing the supported way and must compile.
 *
 * Files under `cases/support/` are imported by cases and are not cases themselves.
 *
 * Expectations state what SHOULD hold. A case the compiler currently gets wrong is kept
 * failing on purpose rather than adjusted to the compiler's output.
 *
 * Run: npx vitest run tests/diagnostics
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileFile, compileVariants, formatDiagnostics, type Diagnostic } from "../../compiler/index.ts";
import { diagnostics as codeTable } from "../../compiler/diagnostics/codes.ts";

type CompileResult = ReturnType<typeof compileFile>;

const casesDir = join(dirname(fileURLToPath(import.meta.url)), "cases");

interface Expectation {
  code: string;
  line: number;
  column: number;
  message?: string;
}

const EXPECT = /^\/\/ expect: ((?:TS|IS)\d+) at (\d+):(\d+)(?: "([^"]*)")?\s*$/;

function parseExpectation(file: string): Expectation | string {
  const first = readFileSync(join(casesDir, file), "utf8").split(/\r?\n/, 1)[0] ?? "";
  const m = EXPECT.exec(first);
  if (!m) return `first line must be '// expect: CODE at LINE:COL', got: ${JSON.stringify(first)}`;
  const out: Expectation = { code: m[1]!, line: Number(m[2]), column: Number(m[3]) };
  if (m[4] !== undefined) out.message = m[4];
  return out;
}

const files = readdirSync(casesDir, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".ts"))
  .map((e) => e.name)
  .sort();
const failing = files.filter((f) => !f.endsWith(".fixed.ts"));
const fixed = files.filter((f) => f.endsWith(".fixed.ts"));

/** Compiles each file once; the duplicate check below reuses the results. */
const results = new Map<string, CompileResult>();
function compileCase(file: string): CompileResult {
  let r = results.get(file);
  if (!r) {
    // Every variant of a source with variants (a case may declare some).
    const all = compileVariants(join(casesDir, file));
    r = all.ok ? { ok: true, diagnostics: all.diagnostics, ...all.variants[0]! } : all;
    results.set(file, r);
  }
  return r;
}

const describeDiag = (d: Diagnostic) => `${d.code} at ${d.line}:${d.column} — ${d.message}`;
const listDiags = (ds: readonly Diagnostic[]) => (ds.length === 0 ? "(no diagnostics)" : ds.map(describeDiag).join("\n"));

/** The family a case belongs to: the code its name starts with. */
const familyOf = (file: string) => /^((?:TS|IS)\d+)-/.exec(file)?.[1] ?? "other";
const byFamily = new Map<string, string[]>();
for (const f of failing) byFamily.set(familyOf(f), [...(byFamily.get(familyOf(f)) ?? []), f]);

describe("rejected programs", () => {
  for (const [family, members] of byFamily) {
    describe(family, () => {
      for (const file of members) {
        it(file, () => {
          const expected = parseExpectation(file);
          if (typeof expected === "string") throw new Error(expected);
          expect(familyOf(file), "a case is named after the code it expects").toBe(expected.code);

          const result = compileCase(file);
          const where = `${expected.code} at ${expected.line}:${expected.column}`;
          if (result.ok) {
            throw new Error(`compiled (ok: true) but should be rejected with ${where}; it produced a script:\n${result.script}`);
          }
          const crash = result.diagnostics.find((d) => d.code === "IS0000");
          if (crash) throw new Error(`internal compiler error instead of ${where}: ${crash.message}`);

          const hit = result.diagnostics.find(
            (d) => d.code === expected.code && d.line === expected.line && d.column === expected.column,
          );
          if (!hit) {
            throw new Error(`expected ${where}; got:\n${listDiags(result.diagnostics)}`);
          }
          expect(hit.category).toBe("error");
          if (expected.message !== undefined) expect(hit.message).toContain(expected.message);

          // The formatted output names the file, position and code, then shows a code frame
          // whose `~` underline starts under the reported column.
          const text = formatDiagnostics([hit], casesDir);
          expect(text).toContain(`${file}(${expected.line},${expected.column}): error ${expected.code}:`);
          const sourceLine = readFileSync(join(casesDir, file), "utf8").split(/\r?\n/)[expected.line - 1]!;
          const gutter = String(expected.line);
          const lines = text.split("\n");
          const frameAt = lines.indexOf(`${gutter} ${sourceLine}`);
          expect(frameAt, `code frame line '${gutter} ${sourceLine}' in:\n${text}`).toBeGreaterThan(0);
          const underline = lines[frameAt + 1] ?? "";
          expect(underline, `underline in:\n${text}`).toMatch(/^ +~+$/);
          expect(underline.indexOf("~"), `underline starts under column ${expected.column}:\n${text}`).toBe(
            gutter.length + 1 + (expected.column - 1),
          );
        });
      }
    });
  }
});

describe("fixed twins compile", () => {
  for (const file of fixed) {
    it(file, () => {
      const result = compileCase(file);
      if (!result.ok) throw new Error(`should compile; got:\n${listDiags(result.diagnostics)}`);
      expect(result.script.startsWith("#!/bin/sh\n")).toBe(true);
    });
  }
});

describe("coverage and hygiene", () => {
  /**
   * Codes in codes.ts that no user program can trigger. Each entry says why, so a reader can
   * tell a deliberate gap from a forgotten case.
   */
  const untriggerable: Record<string, string> = {
    IS1010:
      "never emitted: unavailable globals (Map, JSON, setTimeout…) are absent from dsl/lib.d.ts, so the type gate reports TS2304/TS2583 with an initsh hint first",
  };

  it("every initsh diagnostic code has at least one case (or is documented as untriggerable)", () => {
    const covered = new Set(failing.map(familyOf));
    const missing = Object.values(codeTable)
      .map((factory) => factory.code)
      .filter((code) => !covered.has(code) && !(code in untriggerable));
    expect(missing, "codes without a case in tests/diagnostics/cases").toEqual([]);
  });

  it("no case reports the same diagnostic twice", () => {
    const duplicates: string[] = [];
    for (const file of failing) {
      const result = compileCase(file);
      const seen = new Set<string>();
      for (const d of result.diagnostics) {
        const key = `${d.code}@${d.line}:${d.column}`;
        if (seen.has(key)) duplicates.push(`${file}: ${key} reported twice — ${d.message}`);
        seen.add(key);
      }
    }
    expect(duplicates, "duplicate diagnostics").toEqual([]);
  });
});
