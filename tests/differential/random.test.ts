/**
 * Random differential test: programs generated from fixed seeds by random-programs.ts are
 * checked exactly like the hand-written cases in cases/ — run in Node (the oracle) and,
 * compiled, under the six shells with nothing on PATH (stdout, stderr and exit status byte for
 * byte), and shellchecked (`-s sh` and `-s dash`, zero findings). Every generated program must
 * compile: one that does not is a bug in the generator, which must stay inside the subset.
 *
 * Environment knobs:
 *   INITSH_RANDOM_SEEDS=1..400    the seeds to run (`start..end`, `n`, or a comma list); default 1..40
 *   DIFF_KEEP=1                   keep the temp dir with the generated programs and scripts
 *
 * A failing seed's program is written to tests/differential/.cache/random-<seed>.ts (and
 * printed in the failure), so that `node tests/differential/try.mjs tests/differential/.cache/random-<seed>.ts`
 * reproduces it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanupWorkDir,
  compareRuns,
  differentialDir,
  formatFindings,
  loadCompiler,
  oracleProblem,
  pool,
  runInNode,
  runInShell,
  SHELLS,
  shellcheckBatch,
  workDir,
  type RunResult,
  type ShellcheckFinding,
} from "./harness.ts";
import { generateProgram, seedsFrom } from "./random-programs.ts";

const seeds = seedsFrom(process.env.INITSH_RANDOM_SEEDS);
const cacheDir = join(differentialDir, ".cache");

interface Program {
  seed: number;
  source: string;
  path: string;
  node?: RunResult;
  compile?: { ok: true; script: string; scriptPath: string } | { ok: false; message: string };
  shells: Map<string, RunResult>;
}

const programs = new Map<number, Program>();
let shellcheckFindings = new Map<string, ShellcheckFinding[]>();
let shellcheckError: string | undefined;
const timings = { start: performance.now(), generate: 0, compile: 0, nodeAndCompile: 0, shellcheck: 0, shells: 0 };
const failedSeeds = new Set<number>();

/** Fails the current test with the seed, how to reproduce it and the program itself. */
function fail(p: Program, message: string): never {
  failedSeeds.add(p.seed);
  mkdirSync(cacheDir, { recursive: true });
  const repro = join(cacheDir, `random-${p.seed}.ts`);
  writeFileSync(repro, p.source);
  expect.fail(
    `seed ${p.seed}: ${message}\n\n` +
      `reproduce: node tests/differential/try.mjs tests/differential/.cache/random-${p.seed}.ts\n` +
      `(or INITSH_RANDOM_SEEDS=${p.seed} npx vitest run tests/differential/random.test.ts)\n\n` +
      `--- program (seed ${p.seed}) ---\n${p.source}`,
  );
}

beforeAll(async () => {
  const dir = join(workDir(), "random");
  mkdirSync(dir, { recursive: true });
  let t = performance.now();
  for (const seed of seeds) {
    const source = generateProgram(seed);
    const path = join(dir, `random-${seed}.ts`);
    writeFileSync(path, source);
    programs.set(seed, { seed, source, path, shells: new Map() });
  }
  timings.generate = performance.now() - t;

  // Node (the oracle) two at a time in the background while the in-process compiler works.
  t = performance.now();
  const list = [...programs.values()];
  const nodeRuns = pool(list, 2, async (p) => {
    p.node = await runInNode(p.path);
  });
  const compiler = await loadCompiler();
  for (const p of list) {
    const c0 = performance.now();
    try {
      const result = compiler.compileFile(p.path);
      if (result.ok) {
        const scriptPath = join(workDir(), "scripts", `random-${p.seed}.sh`);
        writeFileSync(scriptPath, result.script, { mode: 0o755 });
        p.compile = { ok: true, script: result.script, scriptPath };
      } else {
        p.compile = { ok: false, message: `compile failed:\n${compiler.formatDiagnostics(result.diagnostics)}` };
      }
    } catch (e) {
      p.compile = { ok: false, message: `compiler threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
    }
    timings.compile += performance.now() - c0;
    await new Promise((r) => setImmediate(r)); // let the Node children's pipes drain
  }
  await nodeRuns;
  timings.nodeAndCompile = performance.now() - t;

  // Shellcheck in batches, then every (program, shell) pair, six processes at a time.
  t = performance.now();
  const scripts = list.flatMap((p) => (p.compile?.ok ? [p.compile.scriptPath] : []));
  try {
    shellcheckFindings = await shellcheckBatch(scripts);
  } catch (e) {
    shellcheckError = e instanceof Error ? e.message : String(e);
  }
  timings.shellcheck = performance.now() - t;

  t = performance.now();
  const jobs = list.flatMap((p) => (p.compile?.ok && p.node && !oracleProblem(p.node) ? SHELLS.map((sh) => ({ p, sh })) : []));
  await pool(jobs, 6, async ({ p, sh }) => {
    if (!p.compile?.ok) return;
    p.shells.set(sh.name, await runInShell(sh, p.compile.scriptPath, `random-${p.seed}-${sh.name}`));
  });
  timings.shells = performance.now() - t;
}, 1_800_000);

afterAll(() => {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const lines = [
    `random differential: seeds ${seeds[0]}..${seeds[seeds.length - 1]} (${seeds.length} programs), ` +
      `${failedSeeds.size} failing, ${s(performance.now() - timings.start)}s total ` +
      `(generate ${s(timings.generate)}s, compile ${s(timings.compile)}s, node+compile phase ${s(timings.nodeAndCompile)}s, ` +
      `shellcheck ${s(timings.shellcheck)}s, shells ${s(timings.shells)}s)`,
  ];
  if (failedSeeds.size) lines.push(`failing seeds: ${[...failedSeeds].sort((a, b) => a - b).join(",")} (programs in tests/differential/.cache/random-<seed>.ts)`);
  if (process.env.DIFF_KEEP) lines.push(`programs and scripts kept in ${workDir()}`);
  console.log(lines.join("\n"));
  cleanupWorkDir();
});

for (const seed of seeds) {
  describe(`seed ${seed}`, () => {
    function ready(): { p: Program; node: RunResult; compile: { ok: true; script: string; scriptPath: string } } {
      const p = programs.get(seed);
      if (!p) return expect.fail(`seed ${seed} was not prepared (global beforeAll failed?)`);
      if (!p.compile) return fail(p, "not compiled (global beforeAll failed?)");
      if (!p.compile.ok) return fail(p, `the generated program does not compile: a generator bug (it must stay inside the subset)\n${p.compile.message}`);
      if (!p.node) return fail(p, "Node did not run");
      const bad = oracleProblem(p.node);
      if (bad) return fail(p, `the Node oracle failed: a generator bug (${bad})`);
      return { p, node: p.node, compile: p.compile };
    }

    it("compiles", () => {
      ready();
    });

    for (const sh of SHELLS) {
      it(sh.name, () => {
        const { p, node } = ready();
        const actual = p.shells.get(sh.name);
        if (!actual) return fail(p, `no result from ${sh.name}`);
        const problem = compareRuns(sh.name, node, actual);
        if (problem) fail(p, problem);
      });
    }

    it("shellcheck", () => {
      const { p, compile } = ready();
      if (shellcheckError) fail(p, shellcheckError);
      const found = shellcheckFindings.get(compile.scriptPath) ?? [];
      if (found.length) fail(p, formatFindings(found, compile.script));
    });
  });
}
