// Stands in for "ts-morph" in the bundled CLI (compiler/build.mjs): the compiler uses only
// ts-morph's `ts` export, which is the TypeScript that ts-morph bundles
// (@ts-morph/common/dist/typescript.js). Loading that file alone skips the rest of ts-morph
// (its wrapper classes, @ts-morph/common with its embedded lib files, minimatch, tinyglobby):
// ~4 MB of JavaScript a cold run would otherwise load for nothing. It is the same file, so
// the same TypeScript as `import { ts } from "ts-morph"` gives the sources (and the tests).
// If ts-morph ever moves it, this falls back to loading ts-morph whole.
"use strict";
const { dirname } = require("node:path");

function load() {
  let file;
  try {
    const tsMorph = dirname(require.resolve("ts-morph/package.json"));
    file = require.resolve("@ts-morph/common/dist/typescript.js", { paths: [tsMorph] });
  } catch {
    return require("ts-morph").ts;
  }
  return require(file);
}

exports.ts = load();
