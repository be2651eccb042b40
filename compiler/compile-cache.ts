import { accessSync, closeSync, constants as fsConstants, fstatSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { basename, dirname, isAbsolute, join } from "node:path";
import * as vm from "node:vm";
import * as zlib from "node:zlib";
import { packageRoot } from "./paths.ts";

/**
 * A V8 code cache for the CommonJS modules `initsh build` loads: TypeScript, and the compiler
 * itself (dist/compiler.cjs, required by the CLI after the cache is on: compiler/build.mjs).
 *
 * Node 20 has no module compile cache of its own (`module.enableCompileCache()` arrived in
 * Node 22.1), so while the cache is on, CommonJS files are compiled through `vm.Script` with
 * `cachedData`. `save()`, called after a compile, writes the cache of each file that had none
 * (or a stale one) *after* the program ran, so it also holds the bytecode of the functions V8
 * compiled lazily while type-checking and lowering — which a cache made at load time would not.
 *
 * The cache only skips parsing and bytecode generation: V8 checks it against its own version,
 * flags and the source's length and falls back to compiling the source when they differ; a
 * checksum of the cached bytes guards against damaged files (V8 would not notice); and
 * each file is keyed by its path, size, mtime, ctime and inode (V8's own check is the source's
 * length, and an mtime can be restored by archives and copies; a ctime and inode cannot). Any
 * failure — a directory that cannot be created or written, a damaged or foreign file — means
 * compiling without the cache; the compiled script is the same either way.
 *
 * Where: `$INITSH_CACHE_DIR` if set (used as given, with no fallback). Else the first of these
 * that can be created and written: `node_modules/.cache/initsh` in the node_modules that holds
 * initsh (when installed as a dependency) or its own (in a checkout); then, for a read-only
 * node_modules (a system-wide install, a read-only mount), `$XDG_CACHE_HOME/initsh`, or
 * `$HOME/.cache/initsh` when XDG_CACHE_HOME is unset or empty (neither when HOME is unset too;
 * relative paths are ignored). When none is writable, builds run without the cache.
 * INITSH_NO_CACHE=1 turns it off; INITSH_CACHE_DEBUG=1 reports the directory, hits and misses
 * on stderr. `npm ci` and `npm run build` warm it (compiler/build.mjs compiles one example with
 * the new bundle), so the first build after an install usually finds it.
 */
export interface CompileCache {
  /** Writes the cache of every file that was compiled without one. Never throws. */
  save(): void;
  /** What happened, for tests and benchmarks. */
  readonly stats: { dir: string; hit: number; miss: number; rejected: number; written: number };
}

interface ModuleInternals {
  prototype: { _compile(this: CjsModule, content: string, filename: string, ...rest: unknown[]): unknown };
  wrap(source: string): string;
  _resolveFilename(request: string, parent: CjsModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: CjsModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}
interface CjsModule {
  exports: unknown;
  require(id: string): unknown;
}

/**
 * A checksum of the cached bytes, as hex: CRC-32 (zlib's, Node ≥ 20.15), else SHA-256. It is
 * there to notice a damaged file, not an attacker (who could as well change the bundles). CRC-32
 * spares loading node:crypto, and TypeScript's system layer, as shipped, does not load it either
 * (compiler/slim-typescript.mjs): together some 6 ms of every build. The key holds the Node
 * version, so one Node always reads what it wrote.
 */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
const checksum: (data: Uint8Array) => string = crc32
  ? (data) => crc32(data).toString(16).padStart(8, "0")
  : (data) => (Module.createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(data).digest("hex");
const CHECKSUM_CHARS = crc32 ? 8 : 64;
const MAGIC = `initsh-v8-cache-2-${crc32 ? "crc32" : "sha256"}`;

/**
 * The directory the cache lives in, or undefined when it is turned off or no candidate is
 * writable. `writable` is asked about each of `compileCacheCandidates` in turn (by default
 * `isWritableDir`, which creates the directory); `root` is the initsh package root.
 */
export function compileCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  writable: (dir: string) => boolean = isWritableDir,
  root: string = packageRoot,
): string | undefined {
  if (env.INITSH_NO_CACHE === "1") return undefined;
  if (env.INITSH_CACHE_DIR) return env.INITSH_CACHE_DIR;
  return compileCacheCandidates(env, root).find((dir) => writable(dir));
}

/**
 * Where the cache may go, in order of preference (INITSH_CACHE_DIR aside): node_modules, then
 * the user's cache directory as the XDG base directory spec places it (absolute paths only).
 */
export function compileCacheCandidates(env: NodeJS.ProcessEnv, root: string): string[] {
  const parent = dirname(root);
  const nodeModules = basename(parent) === "node_modules" ? parent : join(root, "node_modules");
  const dirs = [join(nodeModules, ".cache", "initsh")];
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) dirs.push(join(xdg, "initsh"));
  else if (env.HOME && isAbsolute(env.HOME)) dirs.push(join(env.HOME, ".cache", "initsh"));
  return dirs;
}

/**
 * Whether this process can write files in `dir`, creating it (and its parents) if missing.
 * Two system calls when it exists. Never throws.
 */
export function isWritableDir(dir: string): boolean {
  try {
    accessSync(dir, fsConstants.W_OK);
    return statSync(dir).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !makeDir(dir)) return false;
  }
  try {
    accessSync(dir, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// Shared through a global so that two copies of this module (two bundles) install one hook.
const ACTIVE = Symbol.for("initsh.compileCache");
const registry = globalThis as { [ACTIVE]?: CompileCache };

/**
 * Turns the cache on for every CommonJS module loaded from now on; returns undefined (and
 * changes nothing) when it is off or cannot work here. Calling it again returns the same cache.
 */
export function enableCompileCache(dir: string | undefined = compileCacheDir()): CompileCache | undefined {
  const existing = registry[ACTIVE];
  if (existing) return existing;
  if (dir === undefined) {
    if (process.env.INITSH_CACHE_DEBUG === "1") process.stderr.write("initsh: code cache off (INITSH_NO_CACHE=1, or no writable directory)\n");
    return undefined;
  }
  const M = Module as unknown as ModuleInternals;
  const original = M.prototype?._compile;
  if (typeof original !== "function" || typeof M.wrap !== "function" || typeof M._resolveFilename !== "function") return undefined;

  const stats = { dir, hit: 0, miss: 0, rejected: 0, written: 0 };
  const toWrite: { file: string; key: string; script: vm.Script }[] = [];
  // Where Node has it: `import()` inside a cached module behaves as in an ordinary CommonJS one.
  const importModuleDynamically = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: unknown } }).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

  M.prototype._compile = function compileWithCache(this: CjsModule, content: string, filename: string, ...rest: unknown[]): unknown {
    // Node ≥ 22 passes a format; only plain CommonJS JavaScript is handled here.
    const format = rest[0];
    if ((format !== undefined && format !== "commonjs") || !/\.c?js$/.test(filename)) return original.call(this, content, filename, ...rest);
    let key: string;
    try {
      const st = statSync(filename);
      key = `${MAGIC}\0${process.version}\0${process.arch}\0${filename}\0${content.length}\0${st.size}\0${st.mtimeMs}\0${st.ctimeMs}\0${st.ino}\0${st.dev}`;
    } catch {
      return original.call(this, content, filename, ...rest);
    }
    const file = join(dir, `${basename(filename).replace(/[^A-Za-z0-9_.-]/g, "_")}-${checksum(Buffer.from(filename)).slice(0, 16)}.v8`);
    const cachedData = readEntry(file, key);
    const source = content.startsWith("#!") ? `//${content.slice(2)}` : content;
    let script: vm.Script;
    try {
      script = new vm.Script(M.wrap(source), {
        filename,
        cachedData,
        ...(importModuleDynamically ? { importModuleDynamically: importModuleDynamically as never } : {}),
      });
    } catch {
      // A syntax error (or anything else odd): let Node report it its own way.
      return original.call(this, content, filename, ...rest);
    }
    if (cachedData === undefined) stats.miss++;
    else if (script.cachedDataRejected) stats.rejected++;
    else stats.hit++;
    if (cachedData === undefined || script.cachedDataRejected) toWrite.push({ file, key, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(M, this), this, filename, dirname(filename));
  };

  const cache: CompileCache = {
    stats,
    save() {
      if (process.env.INITSH_CACHE_DEBUG === "1") {
        process.stderr.write(`initsh: code cache ${dir}: ${stats.hit} hit, ${stats.miss} missing, ${stats.rejected} rejected by V8\n`);
      }
      if (toWrite.length === 0) return;
      if (!makeDir(dir)) return;
      for (const { file, key, script } of toWrite.splice(0)) {
        // Written whole under a temporary name and renamed, so a concurrent reader sees the old
        // file or the new one, never half of one.
        const tmp = `${file}.${process.pid}.tmp`;
        try {
          const data = script.createCachedData();
          writeFileSync(tmp, Buffer.concat([Buffer.from(`${key}\n${checksum(data)}\n`), data]));
          renameSync(tmp, file);
          stats.written++;
        } catch {
          try {
            unlinkSync(tmp);
          } catch {
            // nothing to clean up
          }
        }
      }
    },
  };
  registry[ACTIVE] = cache;
  return cache;
}

/**
 * mkdir -p that gives up instead of looping: Node 20's `mkdirSync(…, { recursive: true })`
 * spins forever where mkdir answers ENOENT for a parent that exists (e.g. under /proc).
 */
function makeDir(dir: string, depth = 0): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return true;
    const parent = dirname(dir);
    if (code !== "ENOENT" || parent === dir || depth > 64 || !makeDir(parent, depth + 1)) return false;
  }
  try {
    mkdirSync(dir);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EEXIST";
  }
}

/** The cached bytes of one entry if its key matches; undefined for anything else. */
function readEntry(file: string, key: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.byteLength(key) + 1 + CHECKSUM_CHARS + 1;
    if (size <= header) return undefined;
    const buf = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buf, read, size - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    const keyEnd = header - CHECKSUM_CHARS - 2;
    if (buf.toString("utf8", 0, keyEnd + 1) !== `${key}\n` || buf[header - 1] !== 0x0a) return undefined;
    // V8 checks a cache's version, flags and source length but (in release builds) not its
    // bytes: a damaged file could crash it. Hence our own checksum.
    const data = buf.subarray(header);
    if (buf.toString("latin1", keyEnd + 1, header - 1) !== checksum(data)) return undefined;
    return data;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The `require` a CommonJS module gets, as Node builds it. */
function requireFor(M: ModuleInternals, mod: CjsModule): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  require.resolve = ((request: string, options?: unknown) => M._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  require.resolve.paths = (request: string) => M._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = M._extensions as NodeJS.RequireExtensions;
  require.cache = M._cache as NodeJS.Dict<NodeJS.Module>;
  return require;
}
