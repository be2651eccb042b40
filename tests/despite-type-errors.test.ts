/**
 * initsh's checks that do not depend on the types run even when TypeScript reports errors, so
 * that one round of fixing shows every problem; the output lists TypeScript's errors first,
 * then initsh's, and counts both. Checks that a type error could cause (an `any` where a name
 * is missing) are not reported until the types are right.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFile } from "../compiler/index.ts";
import { summary } from "../compiler/command/report.ts";

const dir = mkdtempSync(join(tmpdir(), "initsh-despite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compile(text: string) {
  const file = join(dir, "init.ts");
  writeFileSync(file, text);
  const result = compileFile(file);
  if (result.ok) throw new Error("compiled, but has errors");
  return result.diagnostics;
}

const at = (ds: { code: string; line?: number; column?: number }[]) => ds.map((d) => `${d.code}@${d.line}:${d.column}`);

describe("initsh's checks despite type errors", () => {
  it("reports the boot checks with the type errors, TypeScript's first", () => {
    const found = compile(`import { capture, env, rescueShell, run } from "initsh";
const tool: string = 42;
export default function init(): void {
  run("mount", "-a");
  run(tool, "x") || rescueShell("no tool");
  env(tool);
  const n: number = "x";
  const delay = Number(capture("cat", "/etc/delay") ?? "");
  process.exit(n + delay);
}
`);
    expect(at(found)).toEqual(["TS2322@2:7", "TS2322@7:9", "IS1039@3:25", "IS1038@4:3", "IS1040@5:7", "IS1042@6:7", "IS1045@8:17", "IS1041@9:3"]);
    expect(summary(found)).toBe("Found 8 errors (2 from TypeScript, 6 from initsh's checks).");
  });

  it("leaves out what a type error may cause: no IS1009 for the `any` of a missing name", () => {
    const found = compile(`import { run, rescueShell } from "initsh";
const where = missing;
run("mount", where) || rescueShell("cannot mount");
`);
    expect(at(found)).toEqual(["TS2304@2:15"]);
    expect(summary(found)).toBe("Found 1 error.");
  });
});
