// Phase breakdown of one cold initsh compile, inside a single fresh Node process.
//
//   node bench/phases.mjs <compiler-bundle.mjs> <entry.ts> [--warm N]
//
// The compiler bundle is made by bench/run.mjs (esbuild, ts-morph external) from the compiler's
// own modules, so the phases below are exactly what `compileFile` does, split apart. Prints
// one JSON object of millisecond timings on stdout. `performance.now()` counts from Node's
// time origin (process start), so the first reading is Node's own bootstrap cost.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const t = { bootstrap: performance.now() };
const [bundle, entry] = process.argv.slice(2);
const warmIndex = process.argv.indexOf("--warm");
const warmRuns = warmIndex > 0 ? Number(process.argv[warmIndex + 1]) : 0;
let last = t.bootstrap;
const mark = (name) => {
  const now = performance.now();
  t[name] = now - last;
  last = now;
};

// ts-morph loads its own copy of TypeScript (@ts-morph/common/dist/typescript.js, ~9 MB);
// requiring it first by absolute path splits "load TypeScript" from "load the rest of ts-morph".
// The compiler then imports ts-morph as an ES module: Node builds an ESM facade over the
// CommonJS module, running cjs-module-lexer over ts-morph.js to find its export names. Doing
// `require("ts-morph")` first and the `import` after separates that interop cost too.
const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), "..", "package.json"));
const commonDir = dirname(require.resolve("@ts-morph/common"));
require(join(commonDir, "typescript.js"));
mark("loadTypeScript");
require("ts-morph");
mark("loadTsMorphRest");
await import("ts-morph");
mark("esmInterop");
const c = await import(pathToFileURL(bundle).href);
mark("loadCompiler");

/** The phases of compileFile, one by one; `into` receives the millisecond timings. */
function compilePhases(into) {
  let prev = performance.now();
  const step = (name) => {
    const now = performance.now();
    into[name] = now - prev;
    prev = now;
  };
  const { project, source } = c.createProject(entry);
  step("createProject"); // new Project + read and parse lib.d.ts and the entry + build the program
  const checked = c.typeCheck(project, source);
  step("typeCheck"); // binder + checker over lib.d.ts and the entry (the gate's diagnostics)
  if (checked.some((d) => d.category === "error")) throw new Error("fixture has type errors");
  const checker = project.getTypeChecker().compilerObject;
  const lowered = c.lowerProgram(source, checker, c.libFile);
  step("lower");
  if (lowered.diagnostics.length > 0) throw new Error("fixture has lowering errors");
  const script = c.printScript(lowered.commands);
  step("print");
  return script;
}

const script = compilePhases(t);
t.totalInProcess = performance.now();

// The same compile again in the warm process: what a resident compiler (watch mode, a daemon,
// a language-server plugin) would pay per build.
const warm = [];
for (let i = 0; i < warmRuns; i++) {
  const w = {};
  const start = performance.now();
  compilePhases(w);
  w.total = performance.now() - start;
  warm.push(w);
}
t.end = performance.now();
process.stdout.write(JSON.stringify({ ms: t, warm, scriptBytes: script.length }) + "\n");
