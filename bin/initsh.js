#!/usr/bin/env node
// CommonJS (bin/package.json says so), as the CLI bundle it loads is (dist/initsh.cjs: see
// compiler/build.mjs): Node starts a CommonJS entry without setting up its ES module loader,
// which is measurably sooner. Still named .js, so the bin links of existing installs hold.
"use strict";
require("../dist/initsh.cjs").main(process.argv.slice(2));
