// Experiment, not part of the compiler: V8 code cache for CommonJS modules on Node 20.
//
//   node --require ./bench/v8cache.cjs bin/initsh.js build …
//
// Node 20 has no built-in module compile cache (`module.enableCompileCache()` and
// NODE_COMPILE_CACHE arrived in Node 22.1), so this does what the `v8-compile-cache` package
// does: every CommonJS file under node_modules (TypeScript, ts-morph) is compiled through
// `vm.Script` with `cachedData`, and with INITSH_V8CACHE_WRITE=1 the cache is written at exit,
// *after* the program ran, so it also holds bytecode for the functions that were compiled
// lazily while type-checking. Cache files are keyed by path, size and mtime.
//
// INITSH_V8CACHE_DIR   where cache files live (default: bench/.cache/v8)
// INITSH_V8CACHE_WRITE 1 to (re)write the cache at exit
// INITSH_V8CACHE_DEBUG 1 to print hit/miss/rejected counts on stderr at exit
"use strict";
const Module = require("node:module");
const vm = require("node:vm");
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");

const dir = process.env.INITSH_V8CACHE_DIR || path.join(__dirname, ".cache", "v8");
const write = process.env.INITSH_V8CACHE_WRITE === "1";
const stats = { hit: 0, miss: 0, rejected: 0 };
const compiled = [];
const nodeModules = `${path.sep}node_modules${path.sep}`;
const originalCompile = Module.prototype._compile;

function cacheFile(filename) {
  const st = fs.statSync(filename);
  const key = crypto.createHash("sha1").update(`${process.version}\0${filename}\0${st.size}\0${st.mtimeMs}`).digest("hex");
  return path.join(dir, `${key}.bin`);
}

function makeRequire(mod) {
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.prototype._compile = function compileWithCache(content, filename) {
  if (!filename.includes(nodeModules) || !filename.endsWith(".js")) return originalCompile.call(this, content, filename);
  const file = cacheFile(filename);
  let cachedData;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const source = content.startsWith("#!") ? `//${content.slice(2)}` : content;
  const script = new vm.Script(Module.wrap(source), { filename, cachedData });
  if (cachedData === undefined) stats.miss++;
  else if (script.cachedDataRejected) stats.rejected++;
  else stats.hit++;
  if (write) compiled.push({ file, script });
  const fn = script.runInThisContext({ displayErrors: true });
  return fn.call(this.exports, this.exports, makeRequire(this), this, filename, path.dirname(filename));
};

process.on("exit", () => {
  if (write) {
    fs.mkdirSync(dir, { recursive: true });
    for (const { file, script } of compiled) fs.writeFileSync(file, script.createCachedData());
  }
  if (process.env.INITSH_V8CACHE_DEBUG === "1") {
    process.stderr.write(`v8cache: ${stats.hit} hit, ${stats.miss} miss, ${stats.rejected} rejected${write ? `, wrote ${compiled.length}` : ""}\n`);
  }
});
