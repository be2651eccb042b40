/**
 * Differential tests: one `describe` per case in `cases/`, one `it` per shell (output, stderr
 * and exit status must equal Node's byte for byte, with nothing on PATH) plus one for
 * shellcheck (`-s sh` and `-s dash`, zero findings).
 *
 * Environment knobs:
 *   DIFF_FILTER=str-,hostile-glob   only cases whose file name contains one of the substrings
 *   DIFF_SUMMARY=/tmp/summary.txt   write a one-line-per-failure summary and timings there
 *   DIFF_KEEP=1                     keep the temp dir with the generated scripts (path is printed)
 */
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  casePath,
  cleanupWorkDir,
  compareRuns,
  compileCase,
  formatFindings,
  listCases,
  oracleProblem,
  pool,
  runInNode,
  runInShell,
  SHELLS,
  shellcheckBatch,
  workDir,
  type CompileOutcome,
  type RunResult,
  type ShellcheckFinding,
} from "./harness.ts";

const cases = listCases();

interface Prepared {
  node: RunResult;
  compile: CompileOutcome;
}

const prepared = new Map<string, Prepared>();
let shellcheckFindings = new Map<string, ShellcheckFinding[]>();
let shellcheckError: string | undefined;
const failures: string[] = [];
const timings = { compileMs: 0, nodeMs: 0, shellcheckMs: 0, shellsMs: 0, start: performance.now() };

/** Fails the current test; `record` adds a line to the summary (off for knock-on failures). */
function fail(caseName: string, test: string, message: string, record = true): never {
  if (record) {
    const firstLines = message
      .split("\n")
      .filter((l) => l.trim() !== "")
      .slice(0, 3)
      .map((l) => l.trim())
      .join(" | ");
    failures.push(`${caseName} :: ${test} :: ${firstLines.slice(0, 400)}`);
  }
  expect.fail(message);
}

beforeAll(async () => {
  // Node runs (the oracle) go two at a time in the background while the compiler, which is
  // synchronous and in-process, works through the cases.
  const t0 = performance.now();
  const nodeRuns = pool(cases, 2, (c) => runInNode(casePath(c)));
  const compiles: CompileOutcome[] = [];
  for (const c of cases) {
    compiles.push(await compileCase(c));
    await new Promise((r) => setImmediate(r)); // let the Node children's pipes drain
  }
  timings.compileMs = compiles.reduce((s, c) => s + c.ms, 0);
  const nodes = await nodeRuns;
  timings.nodeMs = performance.now() - t0;
  cases.forEach((c, i) => prepared.set(c, { node: nodes[i] as RunResult, compile: compiles[i] as CompileOutcome }));

  const t1 = performance.now();
  const scripts = compiles.flatMap((c) => (c.ok ? [c.scriptPath] : []));
  try {
    shellcheckFindings = await shellcheckBatch(scripts);
  } catch (e) {
    shellcheckError = e instanceof Error ? e.message : String(e);
  }
  timings.shellcheckMs = performance.now() - t1;
}, 1_800_000);

afterAll(() => {
  const total = ((performance.now() - timings.start) / 1000).toFixed(1);
  const lines = [
    `differential: ${cases.length} cases, ${failures.length} failing tests, ${total}s total ` +
      `(compile ${(timings.compileMs / 1000).toFixed(1)}s, node+compile phase ${(timings.nodeMs / 1000).toFixed(1)}s, ` +
      `shellcheck ${(timings.shellcheckMs / 1000).toFixed(1)}s, shells ${(timings.shellsMs / 1000).toFixed(1)}s)`,
    ...failures,
  ];
  if (process.env.DIFF_SUMMARY) writeFileSync(process.env.DIFF_SUMMARY, lines.join("\n") + "\n");
  if (process.env.DIFF_KEEP) lines.push(`scripts kept in ${workDir()}/scripts`);
  console.log(lines.join("\n"));
  cleanupWorkDir();
});

for (const name of cases) {
  describe(name, { timeout: 60_000 }, () => {
    const shellResults = new Map<string, RunResult>();

    beforeAll(async () => {
      const p = prepared.get(name);
      if (!p?.compile.ok || oracleProblem(p.node)) return;
      const { scriptPath } = p.compile;
      const t = performance.now();
      const results = await Promise.all(SHELLS.map((sh) => runInShell(sh, scriptPath, `${name}-${sh.name}`)));
      timings.shellsMs += performance.now() - t;
      SHELLS.forEach((sh, i) => shellResults.set(sh.name, results[i] as RunResult));
    }, 120_000);

    /** The oracle and the compile must both have succeeded; returns them or fails the test. */
    function ready(test: string): { node: RunResult; compile: Extract<CompileOutcome, { ok: true }> } {
      const p = prepared.get(name);
      if (!p) return fail(name, test, "case was not prepared (global beforeAll failed?)");
      const bad = oracleProblem(p.node);
      if (bad) return fail(name, test, `the Node oracle failed, fix the case: ${bad}`, test === "compiles");
      if (!p.compile.ok) return fail(name, test, p.compile.message, test === "compiles");
      return { node: p.node, compile: p.compile };
    }

    it("compiles", () => {
      ready("compiles");
    });

    for (const sh of SHELLS) {
      it(sh.name, () => {
        const { node } = ready(sh.name);
        const actual = shellResults.get(sh.name);
        if (!actual) return fail(name, sh.name, "no result (shell run did not happen)");
        const problem = compareRuns(sh.name, node, actual);
        if (problem) fail(name, sh.name, problem);
      });
    }

    it("shellcheck", () => {
      const { compile } = ready("shellcheck");
      if (shellcheckError) fail(name, "shellcheck", shellcheckError);
      const found = shellcheckFindings.get(compile.scriptPath) ?? [];
      if (found.length) fail(name, "shellcheck", formatFindings(found, compile.script));
    });
  });
}
