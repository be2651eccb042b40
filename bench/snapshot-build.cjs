// Experiment, not part of the compiler: initsh from a V8 user-land startup snapshot (Node 20).
//
//   INITSH_SNAPSHOT_BUNDLE=<initsh+ts-morph CJS bundle> INITSH_SNAPSHOT_URL=<file URL> \
//   [INITSH_SNAPSHOT_WARM=<entry.ts> INITSH_SNAPSHOT_WARM_OUT=<out.sh>] \
//     node --snapshot-blob initsh.blob --build-snapshot bench/snapshot-build.cjs
//   node --snapshot-blob initsh.blob build <entry.ts> -o <out.sh>
//
// The bundle (made by bench/run.mjs: compiler/cli.ts with TypeScript inlined,
// CommonJS, `import.meta.url` replaced by globalThis.__initshUrl) is evaluated here, at
// snapshot build time, so a run starts with TypeScript already loaded. With
// INITSH_SNAPSHOT_WARM, one compile runs before the snapshot is taken, so the functions
// that compile uses are already compiled to bytecode in the snapshot too.
"use strict";
const fs = require("node:fs");
const vm = require("node:vm");
const v8 = require("node:v8");
const Module = require("node:module");
const path = require("node:path");

const bundle = process.env.INITSH_SNAPSHOT_BUNDLE;
if (!bundle) throw new Error("INITSH_SNAPSHOT_BUNDLE is not set");
globalThis.__initshUrl = process.env.INITSH_SNAPSHOT_URL;

// User-land snapshot entry points may only require built-ins, so evaluate the bundle by hand.
const mod = { exports: {} };
const wrapper = vm.runInThisContext(Module.wrap(fs.readFileSync(bundle, "utf8")), { filename: bundle });
wrapper.call(mod.exports, mod.exports, require, mod, bundle, path.dirname(bundle));
const { main } = mod.exports;

async function prepare() {
  const warmEntry = process.env.INITSH_SNAPSHOT_WARM;
  if (warmEntry) {
    await main(["build", warmEntry, "-o", process.env.INITSH_SNAPSHOT_WARM_OUT]);
    if (process.exitCode) throw new Error(`warm-up compile of ${warmEntry} failed`);
    process.exitCode = undefined;
  }
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // In a deserialized main, argv[1] is the first user argument.
    main(process.argv.slice(1));
  });
}

prepare().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
