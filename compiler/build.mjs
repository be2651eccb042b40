// Bundles the compiler for shipping: `npm run build`, and `prepare` on `npm ci`.
//
//   node compiler/build.mjs [outdir]      (default: dist/)
//
// It also writes the type declarations users' projects read (dist/types/: compiler/declarations.mjs).
// Then it warms the CLI's code cache (warmCodeCache below), so that the first `initsh build`
// after `npm ci` does not pay for compiling TypeScript from source.
//
// bench/run.mjs imports `bundle` to build the same files into its own directory, so what it
// times is exactly what ships. Each output is one entry in `bundles` below.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDeclarations } from "./declarations.mjs";
import { buildSlimTypeScript, namesUsed } from "./slim-typescript.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Resolves `import … from "ts-morph"` in the compiler's sources to compiler/ts-only.cjs, which
 * loads only the TypeScript inside ts-morph (see there). ts-morph itself stays external.
 */
const typescriptOnly = {
  name: "typescript-only",
  setup(b) {
    const shim = join(ROOT, "compiler", "ts-only.cjs");
    b.onResolve({ filter: /^ts-morph$/ }, (args) => (args.importer === shim ? { path: "ts-morph", external: true } : { path: shim }));
    // The shim's slim copy of that TypeScript, written by `buildTypeScript` below.
    b.onResolve({ filter: /^\.\/typescript\.cjs$/ }, (args) => (args.importer === shim ? { path: "./typescript.cjs", external: true } : undefined));
  },
};

/**
 * The TypeScript inside ts-morph as typescript.cjs beside the bundles (loaded by
 * compiler/ts-only.cjs): minified, and without the language service, tsserver and the
 * transformers, which the compiler never runs (compiler/slim-typescript.mjs): 1.9 MB instead
 * of 9.1. Without a code cache V8 scans a file whole when it loads it, and each function again when it is first called,
 * so fewer bytes load faster (bench/run.mjs measures it). Where slimming fails (a TypeScript
 * shaped otherwise), the whole file is shipped minified, with a warning.
 */
async function buildTypeScript(dir, options) {
  const file = createRequire(createRequire(join(ROOT, "package.json")).resolve("ts-morph/package.json")).resolve("@ts-morph/common/dist/typescript.js");
  const outfile = join(dir, "typescript.cjs");
  try {
    const ts = createRequire(import.meta.url)(file);
    await buildSlimTypeScript(file, outfile, ts, namesUsed(compilerSources()));
  } catch (error) {
    process.stderr.write(`initsh: warning: shipping all of TypeScript (${error instanceof Error ? error.message : String(error)})\n`);
    await build({ ...options, entryPoints: [file], bundle: false, format: "cjs", platform: "node", minify: true, legalComments: "inline", outfile });
  }
}

/** Every source the bundles hold that may read `ts`: [path, text] pairs. */
function compilerSources() {
  const sources = [];
  for (const dir of ["compiler", "testing"]) {
    for (const f of readdirSync(join(ROOT, dir), { recursive: true })) {
      const path = join(dir, String(f));
      if (/\.(ts|cjs)$/.test(path) && !/(^|\/)tests\//.test(path)) sources.push([path, readFileSync(join(ROOT, path), "utf8")]);
    }
  }
  return sources;
}

/**
 * Keeps the CLI's `import("./index.ts")` out of dist/initsh.cjs: the compiler proper is its own
 * file, dist/compiler.cjs, which the CLI requires once the code cache is on, so the cache holds
 * the compiler's bytecode as well as TypeScript's.
 */
const compilerApart = {
  name: "compiler-apart",
  setup(b) {
    const cli = join(ROOT, "compiler", "cli.ts");
    const simulate = join(ROOT, "testing", "simulate.ts");
    b.onResolve({ filter: /^\.\/index\.ts$/ }, (args) => (args.importer === cli ? { path: "./compiler.cjs", external: true } : undefined));
    // `initsh simulate` compiles too: with the same file, not a second copy of the compiler.
    b.onResolve({ filter: /^\.\.\/compiler\/index\.ts$/ }, (args) => (args.importer === simulate ? { path: "./compiler.cjs", external: true } : undefined));
  },
};

/**
 * compiler/runtime/sources.ts reads the runtime helpers' .sh files from the package; in a
 * bundle it is replaced by their text, so the shipped compiler reads no file of them.
 */
export const runtimeHelpersInline = {
  name: "runtime-helpers-inline",
  setup(b) {
    const dir = join(ROOT, "compiler", "runtime", "sh");
    b.onLoad({ filter: /[\\/]compiler[\\/]runtime[\\/]sources\.ts$/ }, () => {
      const texts = Object.fromEntries(
        readdirSync(dir)
          .filter((f) => f.endsWith(".sh"))
          .map((f) => [f.slice(0, -3), readFileSync(join(dir, f), "utf8")]),
      );
      return {
        contents: `const texts = ${JSON.stringify(texts)};\nexport function helperSource(name) {\n  const text = texts[name];\n  if (text === undefined) throw new Error("internal: no runtime helper file " + name);\n  return text;\n}\n`,
        loader: "js",
        watchFiles: readdirSync(dir).map((f) => join(dir, f)),
      };
    });
  },
};

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: "node",
  target: "node20",
  logLevel: "warning",
};

/**
 * Everything dist/ holds. To add an output, add one entry: e.g. the testing helpers
 *
 *   { entryPoints: ["testing/index.ts"], format: "esm", external: ["ts-morph"], outfile: "testing.mjs" },
 *
 * for a package export `"./testing": "./dist/testing.mjs"` (outfile is relative to the outdir).
 */
export const bundles = [
  // The CLI, loaded by bin/initsh.js with `require`. CommonJS because Node 20 imports a
  // CommonJS package into an ES module only after scanning its source for export names
  // (cjs-module-lexer over ts-morph.js: ~90 ms); `require` skips that. ts-morph stays
  // external, and only its TypeScript is loaded (plugin above). compiler/paths.ts finds the
  // package root from `import.meta.url`, which CommonJS lacks: it becomes this file's URL.
  {
    entryPoints: ["compiler/cli.ts"],
    format: "cjs",
    external: ["ts-morph", "@ts-morph/*", "esbuild"],
    plugins: [typescriptOnly, compilerApart, runtimeHelpersInline],
    // `import()` of the external compiler.cjs as `require` (Node's import would scan it for exports first).
    supported: { "dynamic-import": false },
    define: { "import.meta.url": "__initshModuleUrl" },
    banner: { js: 'const __initshModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    minify: true, // as compiler.cjs is: see there
    outfile: "initsh.cjs",
  },
  // The compiler itself (compiler/index.ts), required by the CLI: see compilerApart.
  {
    entryPoints: ["compiler/index.ts"],
    format: "cjs",
    external: ["ts-morph", "@ts-morph/*", "esbuild"],
    plugins: [typescriptOnly, runtimeHelpersInline],
    define: { "import.meta.url": "__initshModuleUrl" },
    banner: { js: 'const __initshModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    // Minified like typescript.cjs, for the first build, which compiles it from source: V8
    // scans a file's every byte, comments too, once when loading it and again per function
    // when first called. (A compiler crash is reported by its message, never a stack trace.)
    minify: true,
    outfile: "compiler.cjs",
  },
  // The simulated machine, for `import { simulate } from "initsh/testing"` in users' tests.
  // An ES module (vitest imports it); ts-only.cjs calls `require`, which the banner provides.
  {
    entryPoints: ["testing/index.ts"],
    format: "esm",
    external: ["ts-morph", "@ts-morph/*", "esbuild"],
    plugins: [typescriptOnly, runtimeHelpersInline],
    banner: { js: 'import { createRequire as __initshCreateRequire } from "node:module"; const require = __initshCreateRequire(import.meta.url);' },
    outfile: "testing.mjs",
  },
];

/** Builds every entry of `bundles` into `outdir` (absolute, or relative to the package root). */
export async function bundle(outdir = "dist", options = {}) {
  const dir = resolve(ROOT, outdir);
  await Promise.all([...bundles.map((b) => build({ ...common, ...options, ...b, outfile: join(dir, b.outfile) })), buildTypeScript(dir, { logLevel: common.logLevel, ...options })]);
}

/**
 * Compiles one example with the CLI just built in `outdir` (output to a temporary file), which
 * writes the V8 code cache where the CLI keeps it (compiler/compile-cache.ts: INITSH_CACHE_DIR,
 * node_modules/.cache/initsh or the user's cache directory; nothing with INITSH_NO_CACHE=1).
 * Never throws and never fails the build: on failure it prints one warning line and returns
 * false; the first build then writes the cache itself.
 */
export function warmCodeCache(outdir = "dist", { example = join(ROOT, "examples", "basic-init.ts"), timeoutMs = 60_000 } = {}) {
  if (process.env.INITSH_NO_CACHE === "1") return true;
  let tmp;
  let problem;
  try {
    tmp = mkdtempSync(join(tmpdir(), "initsh-warm-"));
    const cli = join(resolve(ROOT, outdir), "initsh.cjs");
    const argv = ["-e", "require(process.argv[1]).main(process.argv.slice(2))", "--", cli, "build", example, "-o", join(tmp, "warm.sh")];
    const res = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", timeout: timeoutMs });
    if (res.error) problem = res.error.message;
    else if (res.status !== 0) problem = `exit ${res.status ?? res.signal}: ${res.stderr.trim().split("\n")[0] ?? ""}`;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  if (problem === undefined) return true;
  process.stderr.write(`initsh: warning: could not warm the code cache (${problem.replace(/\s+/g, " ").slice(0, 200)}); the first build will write it\n`);
  return false;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await bundle(process.argv[2]);
  buildDeclarations(process.argv[2]);
  warmCodeCache(process.argv[2]);
}
