// Phase breakdown of one cold initsh compile, inside a single fresh Node process.
//
//   node bench/phases.mjs <compiler-phases.cjs> <entry.ts> [--warm N]
//
// The compiler bundle is made by bench/run.mjs with the options compiler/build.mjs gives the
// shipped CLI (CommonJS, TypeScript loaded alone through compiler/ts-only.cjs); `compileFile`
// runs unchanged, and the functions it calls for its big steps (createProject, typeCheck,
// lowerProgram, printScript) are wrapped in timers that push [name, ms] onto
// globalThis.__initshPhases. The code cache is on as in the CLI (INITSH_CACHE_DIR and
// INITSH_NO_CACHE are honoured). Prints one JSON object of millisecond timings on stdout.
// `performance.now()` counts from Node's time origin (process start), so the first reading is
// Node's own bootstrap cost.
import { createRequire } from "node:module";
import { resolve } from "node:path";

const t = { bootstrap: performance.now() };
const [bundle, entry] = process.argv.slice(2);
const warmIndex = process.argv.indexOf("--warm");
const warmRuns = warmIndex > 0 ? Number(process.argv[warmIndex + 1]) : 0;
let last = t.bootstrap;
const mark = (name) => {
  const now = performance.now();
  t[name] = (t[name] ?? 0) + now - last;
  last = now;
};

const p = createRequire(import.meta.url)(resolve(bundle));
mark("loadCompiler");
const cache = p.enableCompileCache();
p.loadTypeScript();
mark("loadTypeScript");
const c = await p.loadCompiler();
mark("loadCompiler");

/** One compileFile, split into its timed steps and the rest; `into` receives the timings. */
function compile(into) {
  globalThis.__initshPhases = [];
  const start = performance.now();
  const result = c.compileFile(entry);
  const total = performance.now() - start;
  if (!result.ok) throw new Error(`fixture does not compile: ${c.formatDiagnostics(result.diagnostics)}`);
  let timed = 0;
  for (const [name, ms] of globalThis.__initshPhases) {
    into[name] = (into[name] ?? 0) + ms;
    timed += ms;
  }
  into.rest = total - timed;
  return { script: result.script, total };
}

const { script } = compile(t);
t.totalInProcess = performance.now();
cache?.save();
t.cacheHit = cache ? cache.stats.hit : 0;

// The same compile again in the warm process: what a resident compiler (watch mode, a daemon,
// a language-server plugin) would pay per build.
const warm = [];
for (let i = 0; i < warmRuns; i++) {
  const w = {};
  w.total = compile(w).total;
  warm.push(w);
}
t.end = performance.now();
process.stdout.write(JSON.stringify({ ms: t, warm, scriptBytes: script.length }) + "\n");
