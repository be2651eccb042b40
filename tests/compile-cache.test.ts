/**
 * Where the CLI keeps its V8 code cache (compiler/compile-cache.ts): node_modules/.cache/initsh,
 * else (read-only node_modules) $XDG_CACHE_HOME/initsh or ~/.cache/initsh, else no cache.
 *
 * The directory choice is tested as a pure function with a fake writability probe; then the
 * built CLI (dist/initsh.cjs) runs from a copy installed as a dependency whose node_modules
 * cannot hold the cache. "Cannot" is a regular file named node_modules/.cache, not a chmod:
 * the tests may run as root, whom permissions do not stop. Last, compiler/build.mjs (npm ci's
 * `prepare`) is checked to leave a warm cache behind, and to only warn when it cannot.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileCacheCandidates, compileCacheDir, isWritableDir } from "../compiler/compile-cache.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const example = join(root, "examples", "basic-init.ts");

describe("compileCacheDir: which directory", () => {
  const checkout = "/src/initsh";
  const primary = "/src/initsh/node_modules/.cache/initsh";
  /** A probe that answers from a list, and records what it was asked. */
  const probe = (writable: string[]) => {
    const asked: string[] = [];
    return { asked, writable: (dir: string) => (asked.push(dir), writable.includes(dir)) };
  };

  it("uses node_modules/.cache/initsh when it is writable, and asks about nothing else", () => {
    const p = probe([primary, "/home/u/.cache/initsh"]);
    expect(compileCacheDir({ HOME: "/home/u" }, p.writable, checkout)).toBe(primary);
    expect(p.asked).toEqual([primary]);
  });

  it("finds the node_modules that holds initsh when installed as a dependency", () => {
    const p = probe(["/app/node_modules/.cache/initsh"]);
    expect(compileCacheDir({}, p.writable, "/app/node_modules/initsh")).toBe("/app/node_modules/.cache/initsh");
  });

  it("falls back to $XDG_CACHE_HOME/initsh when node_modules is not writable", () => {
    const p = probe(["/xdg/initsh", "/home/u/.cache/initsh"]);
    expect(compileCacheDir({ HOME: "/home/u", XDG_CACHE_HOME: "/xdg" }, p.writable, checkout)).toBe("/xdg/initsh");
    expect(p.asked).toEqual([primary, "/xdg/initsh"]);
  });

  it("falls back to $HOME/.cache/initsh when XDG_CACHE_HOME is unset, empty or relative", () => {
    for (const XDG_CACHE_HOME of [undefined, "", "relative/cache"]) {
      const p = probe(["/home/u/.cache/initsh"]);
      expect(compileCacheDir({ HOME: "/home/u", XDG_CACHE_HOME }, p.writable, checkout)).toBe("/home/u/.cache/initsh");
    }
  });

  it("does not try $HOME/.cache when XDG_CACHE_HOME is set (one fallback, as the XDG spec places it)", () => {
    const p = probe(["/home/u/.cache/initsh"]);
    expect(compileCacheDir({ HOME: "/home/u", XDG_CACHE_HOME: "/xdg" }, p.writable, checkout)).toBeUndefined();
    expect(p.asked).toEqual([primary, "/xdg/initsh"]);
  });

  it("runs without a cache when nothing is writable, or HOME is unset too", () => {
    expect(compileCacheDir({ HOME: "/home/u" }, probe([]).writable, checkout)).toBeUndefined();
    const p = probe(["/.cache/initsh", "/home/u/.cache/initsh"]);
    expect(compileCacheDir({}, p.writable, checkout)).toBeUndefined();
    expect(p.asked).toEqual([primary]);
    expect(compileCacheCandidates({ HOME: "" }, checkout)).toEqual([primary]);
  });

  it("keeps INITSH_CACHE_DIR as given (no probe, no fallback) and INITSH_NO_CACHE=1 as off", () => {
    const p = probe([]);
    expect(compileCacheDir({ INITSH_CACHE_DIR: "/ro/cache", HOME: "/home/u" }, p.writable, checkout)).toBe("/ro/cache");
    expect(compileCacheDir({ INITSH_NO_CACHE: "1", INITSH_CACHE_DIR: "/c", HOME: "/home/u" }, p.writable, checkout)).toBeUndefined();
    expect(p.asked).toEqual([]);
  });
});

describe("isWritableDir", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "initsh-cache-probe-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("creates a missing directory with its parents", () => {
    const dir = join(tmp, "a", "b", "initsh");
    expect(isWritableDir(dir)).toBe(true);
    expect(existsSync(dir)).toBe(true);
    expect(isWritableDir(dir)).toBe(true);
  });

  it("answers false, without throwing, for a file or a path under a file", () => {
    const file = join(tmp, "file");
    writeFileSync(file, "");
    expect(isWritableDir(file)).toBe(false);
    expect(isWritableDir(join(file, ".cache", "initsh"))).toBe(false);
    expect(isWritableDir("/proc/initsh-cannot-be-here/initsh")).toBe(false);
  });
});

describe("the built CLI, installed where node_modules cannot hold the cache", () => {
  const dist = join(root, "dist", "initsh.cjs");
  let tmp: string;
  let app: string;
  let expected: Buffer;

  /** A copy of the package as a dependency of `app`, next to a node_modules/.cache that is a file. */
  beforeAll(() => {
    expect(existsSync(dist), "dist/initsh.cjs is missing: run npm run build").toBe(true);
    tmp = mkdtempSync(join(tmpdir(), "initsh-cache-e2e-"));
    app = join(tmp, "app");
    const pkg = join(app, "node_modules", "initsh");
    for (const part of ["package.json", "bin", "dist", "dsl", "stdlib"]) cpSync(join(root, part), join(pkg, part), { recursive: true });
    symlinkSync(join(root, "node_modules", "ts-morph"), join(app, "node_modules", "ts-morph"));
    writeFileSync(join(app, "node_modules", ".cache"), "not a directory\n");
    const reference = join(tmp, "reference.sh");
    execFileSync(process.execPath, [join(root, "bin", "initsh.js"), "build", example, "-o", reference], { env: { ...cleanEnv(), INITSH_NO_CACHE: "1" } });
    expected = readFileSync(reference);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** process.env without anything that would choose the cache directory for the child. */
  function cleanEnv(): NodeJS.ProcessEnv {
    const env = { ...process.env };
    for (const k of ["INITSH_CACHE_DIR", "INITSH_NO_CACHE", "INITSH_CACHE_DEBUG", "XDG_CACHE_HOME", "HOME"]) delete env[k];
    return env;
  }

  /** Builds the example with the copy; returns the script and stderr (INITSH_CACHE_DEBUG=1). */
  function build(name: string, env: NodeJS.ProcessEnv): { script: Buffer; debug: string } {
    const out = join(tmp, `${name}.sh`);
    const bin = join(app, "node_modules", "initsh", "bin", "initsh.js");
    const res = spawnSync(process.execPath, [bin, "build", example, "-o", out], { env: { ...cleanEnv(), INITSH_CACHE_DEBUG: "1", ...env }, encoding: "utf8" });
    expect(res.status, res.stderr).toBe(0);
    return { script: readFileSync(out), debug: res.stderr };
  }

  it("writes the cache under $HOME/.cache/initsh, then uses it; the script is byte-identical", () => {
    const home = join(tmp, "home");
    mkdirSync(home);
    const cache = join(home, ".cache", "initsh");

    const first = build("first", { HOME: home });
    expect(first.debug).toContain(`code cache ${cache}: 0 hit`);
    expect(first.script.equals(expected)).toBe(true);
    const entries = readdirSync(cache);
    expect(entries.some((f) => /^typescript\.cjs-[0-9a-f]{8}(?:[0-9a-f]{8})?\.v8$/.test(f)), entries.join(" ")).toBe(true);

    const second = build("second", { HOME: home });
    expect(second.debug).toMatch(new RegExp(`code cache ${cache.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: [1-9][0-9]* hit, 0 missing, 0 rejected`));
    expect(second.script.equals(expected)).toBe(true);
  });

  it("notices a damaged cache file: compiles without it and writes it anew; the script is byte-identical", () => {
    const home = join(tmp, "home-damaged");
    mkdirSync(home);
    const cache = join(home, ".cache", "initsh");
    build("damaged-1", { HOME: home });
    const entry = join(cache, readdirSync(cache).find((f) => f.startsWith("typescript.cjs-"))!);
    const written = readFileSync(entry);
    // One bit flipped in the bytecode (the header, key and checksum, is a few hundred bytes).
    const bad = Buffer.from(written);
    bad[Math.floor(bad.length / 2)]! ^= 0x10;
    writeFileSync(entry, bad);

    const damaged = build("damaged-2", { HOME: home });
    expect(damaged.debug).toMatch(/: 1 hit, 1 missing, 0 rejected/); // compiler.cjs's entry hits; TypeScript's is refused
    expect(damaged.script.equals(expected)).toBe(true);
    expect(readFileSync(entry).equals(bad), "the entry is written anew").toBe(false);
    expect(build("damaged-3", { HOME: home }).debug).toMatch(/: 2 hit, 0 missing, 0 rejected/);
  });

  it("uses $XDG_CACHE_HOME/initsh when set", () => {
    const xdg = join(tmp, "xdg");
    const run = build("xdg", { HOME: join(tmp, "home-unused"), XDG_CACHE_HOME: xdg });
    expect(run.debug).toContain(`code cache ${join(xdg, "initsh")}:`);
    expect(readdirSync(join(xdg, "initsh")).length).toBeGreaterThan(0);
    expect(existsSync(join(tmp, "home-unused"))).toBe(false);
    expect(run.script.equals(expected)).toBe(true);
  });

  it("runs without a cache when no directory is writable (HOME unset); the script is byte-identical", () => {
    const run = build("none", {});
    expect(run.debug).toContain("code cache off");
    expect(run.script.equals(expected)).toBe(true);
  });
});

describe("the build (npm ci's prepare, npm run build) warms the cache", () => {
  let tmp: string;
  let outdir: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "initsh-cache-warm-"));
    // Inside the package (build/ is git-ignored), so that the bundle finds the package root.
    mkdirSync(join(root, "build"), { recursive: true });
    outdir = mkdtempSync(join(root, "build", "warm-test-"));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });
  });

  it("leaves a code cache that the next build hits in full", () => {
    const cache = join(tmp, "cache");
    const env: NodeJS.ProcessEnv = { ...process.env, INITSH_CACHE_DIR: cache };
    delete env.INITSH_NO_CACHE;
    delete env.INITSH_CACHE_DEBUG;
    const res = spawnSync(process.execPath, [join(root, "compiler", "build.mjs"), outdir], { cwd: root, env, encoding: "utf8" });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).not.toContain("warning");
    const entries = readdirSync(cache);
    expect(entries.some((f) => /^typescript\.cjs-[0-9a-f]{8}(?:[0-9a-f]{8})?\.v8$/.test(f)), entries.join(" ")).toBe(true);

    const out = join(tmp, "after.sh");
    const next = spawnSync(process.execPath, ["-e", "require(process.argv[1]).main(process.argv.slice(2))", "--", join(outdir, "initsh.cjs"), "build", example, "-o", out], {
      env: { ...env, INITSH_CACHE_DEBUG: "1" },
      encoding: "utf8",
    });
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/code cache .*: [1-9][0-9]* hit, 0 missing, 0 rejected/);
  });

  it("prints one warning line, and does not fail, when the warm-up fails", () => {
    const program = `
      const { warmCodeCache } = await import(${JSON.stringify(join(root, "compiler", "build.mjs"))});
      process.stdout.write(String(warmCodeCache(${JSON.stringify(outdir)}, { example: ${JSON.stringify(join(tmp, "missing.ts"))} })));
    `;
    const env: NodeJS.ProcessEnv = { ...process.env, INITSH_CACHE_DIR: join(tmp, "cache-2") };
    delete env.INITSH_NO_CACHE;
    const res = spawnSync(process.execPath, ["--input-type=module", "-e", program], { cwd: root, env, encoding: "utf8" });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe("false");
    expect(res.stderr).toMatch(/^initsh: warning: could not warm the code cache \(.+\); the first build will write it\n$/);
  });
});
