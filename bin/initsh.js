#!/usr/bin/env node
// The CLI is bundled as CommonJS (dist/initsh.cjs, by compiler/build.mjs) and loaded with
// `require`: see the note there.
import { createRequire } from "node:module";

const { main } = createRequire(import.meta.url)("../dist/initsh.cjs");
await main(process.argv.slice(2));
