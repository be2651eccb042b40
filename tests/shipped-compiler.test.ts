/**
 * The compiler as it ships (compiler/build.mjs: CommonJS bundles, and beside them
 * typescript.cjs, TypeScript minified and without its language service) must give exactly what
 * the sources give: the same script, or the same diagnostics, for every program the other
 * suites compile. The bundles are built afresh
 * into a directory inside the package (the compiler finds dsl/lib.d.ts from its own location),
 * so a stale dist/ can neither hide nor cause a difference.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFile, formatDiagnostics, type CompileResult } from "../compiler/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Every .ts program under `dir` (not recursive), as paths. */
const programsIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort()
    .map((f) => join(root, dir, f));

const programs = [
  ...programsIn("tests/differential/cases"),
  ...programsIn("tests/diagnostics/cases"),
  ...programsIn("examples"),
  ...programsIn("bench/fixtures/size"),
  join(root, "bench/fixtures/program200.ts"),
];

/** What a user sees of a result: the script, or the diagnostics as the CLI prints them. */
const seen = (r: CompileResult) => (r.ok ? r.script : formatDiagnostics(r.diagnostics));

describe("the shipped compiler bundle", () => {
  let dir: string;
  let shipped: { compileFile: typeof compileFile };
  let loaded: string[];

  beforeAll(async () => {
    const cache = join(root, "node_modules", ".cache");
    mkdirSync(cache, { recursive: true });
    // Its real path: require.cache holds real paths, and node_modules may be a link (a worktree's).
    dir = realpathSync(mkdtempSync(join(cache, "initsh-shipped-")));
    const { bundle } = await import(pathToFileURL(join(root, "compiler", "build.mjs")).href);
    await bundle(dir, { logLevel: "silent" });
    const require = createRequire(join(dir, "compiler.cjs"));
    shipped = require("./compiler.cjs");
    loaded = Object.keys(require.cache);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads the slim TypeScript beside it: the compiler API without the language service", () => {
    expect(loaded).toContain(join(dir, "typescript.cjs"));
    const ts = createRequire(join(dir, "compiler.cjs"))("./typescript.cjs");
    expect(typeof ts.createProgram).toBe("function");
    expect(ts.createLanguageService).toBeUndefined();
    expect(statSync(join(dir, "typescript.cjs")).size).toBeLessThan(2_200_000);
  });

  it("leaves out the emitter's transformers: a program type-checks, and emitting throws (the compiler never emits)", () => {
    const ts = createRequire(join(dir, "compiler.cjs"))("./typescript.cjs");
    const host = ts.createCompilerHost({ noEmit: false, noLib: true, types: [] });
    const program = ts.createProgram({ rootNames: [join(root, "examples", "basic-init.ts")], options: { noLib: true, types: [] }, host });
    expect(program.getSyntacticDiagnostics()).toEqual([]);
    expect(() => program.emit(undefined, () => {})).toThrow(/^initsh ships TypeScript without \w+: it never emits$/);
  });

  it(`compiles all ${programs.length} programs exactly as the sources do`, () => {
    expect(programs.length).toBeGreaterThan(400);
    const differ: string[] = [];
    let scripts = 0;
    for (const program of programs) {
      const fromSource = compileFile(program);
      const fromBundle = shipped.compileFile(program);
      if (fromSource.ok) scripts++;
      if (seen(fromSource) !== seen(fromBundle)) differ.push(program.slice(root.length));
    }
    expect(differ).toEqual([]);
    // Both kinds of result were compared: scripts and diagnostics.
    expect(scripts).toBeGreaterThan(250);
    expect(programs.length - scripts).toBeGreaterThan(80);
  });

  /** Runs the built CLI (initsh.cjs, which requires compiler.cjs when a command needs it). */
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["-e", "require(process.argv[1]).main(process.argv.slice(2))", join(dir, "initsh.cjs"), ...args], {
      encoding: "utf8",
      env: { ...process.env, INITSH_NO_CACHE: "1" },
    });

  it("builds with the CLI bundle, which loads the compiler from compiler.cjs", () => {
    const example = join(root, "examples", "basic-init.ts");
    const res = cli("build", example, "-o", "-");
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(seen(compileFile(example)));
  });

  it("builds without loading node:crypto (TypeScript's system layer as shipped, and the code cache, do without it)", () => {
    const example = join(root, "examples", "basic-init.ts");
    const cache = mkdtempSync(join(root, "node_modules", ".cache", "initsh-crypto-"));
    try {
      // A file, not `node -e`, which loads crypto itself.
      const main = join(cache, "main.cjs");
      writeFileSync(main, 'require(process.argv[2]).main(process.argv.slice(3)).then(() => process.stderr.write(process.moduleLoadList.filter((m) => /crypto/.test(m)).join(" ")));\n');
      for (const env of [{ INITSH_NO_CACHE: "1" }, { INITSH_CACHE_DIR: cache }, { INITSH_CACHE_DIR: cache }]) {
        const res = spawnSync(process.execPath, [main, join(dir, "initsh.cjs"), "build", example, "-o", "-"], { encoding: "utf8", env: { ...process.env, ...env } });
        expect(res.status).toBe(0);
        expect(res.stdout).toBe(seen(compileFile(example)));
        expect(res.stderr).toBe("");
      }
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("simulates a .ts init with the CLI bundle (compiling it through compiler.cjs too)", () => {
    const res = cli("simulate", join(root, "examples", "basic-init.ts"), "--cmdline", "root=/dev/vda");
    // No /dev/vda on the simulated machine: the init must say so and open its rescue shell.
    expect(res.stdout).toMatch(/== outcome\nrescue shell/);
    expect(res.stdout).toContain("/dev/vda");
  });
});
