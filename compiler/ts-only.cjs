// Stands in for "ts-morph" in the bundled CLI (compiler/build.mjs): the compiler uses only
// ts-morph's `ts` export, which is the TypeScript that ts-morph bundles
// (@ts-morph/common/dist/typescript.js). Loading that file alone skips the rest of ts-morph
// (its wrapper classes, @ts-morph/common with its embedded lib files, minimatch, tinyglobby):
// ~4 MB of JavaScript a cold run would otherwise load for nothing. It is the same file, so
// the same TypeScript as `import { ts } from "ts-morph"` gives the sources (and the tests).
// If ts-morph ever moves it, this falls back to loading ts-morph whole.
//
// compiler/build.mjs writes that file beside the bundles as dist/typescript.cjs, minified and
// without the language service and the transformers (compiler/slim-typescript.mjs): a fifth of
// the bytes, and V8's cost of loading a file without a code cache grows with its length (it
// scans all of it up front, then each function again when first called).
"use strict";
const { dirname } = require("node:path");

function load() {
  try {
    // Resolved at run time against the bundle's own directory (external in compiler/build.mjs).
    return withNames(require("./typescript.cjs"));
  } catch (error) {
    if (!(error && error.code === "MODULE_NOT_FOUND")) throw error;
  }
  let file;
  try {
    const tsMorph = dirname(require.resolve("ts-morph/package.json"));
    file = require.resolve("@ts-morph/common/dist/typescript.js", { paths: [tsMorph] });
  } catch {
    return require("ts-morph").ts;
  }
  return require(file);
}

/**
 * dist/typescript.cjs is built without the language service (compiler/slim-typescript.mjs), which
 * is what gives identifiers their `text` and symbols their `name`: the compiler reads both, so
 * they are defined here the way the language service defines them. A TypeScript that has them
 * is left as it is.
 */
function withNames(ts) {
  const allocator = ts.objectAllocator;
  const define = (prototype, key, get) => {
    if (!(key in prototype)) Object.defineProperty(prototype, key, { get, configurable: true });
  };
  define(allocator.getIdentifierConstructor().prototype, "text", function text() {
    return ts.idText(this);
  });
  define(allocator.getSymbolConstructor().prototype, "name", function name() {
    return ts.symbolName(this);
  });
  return ts;
}

exports.ts = load();
