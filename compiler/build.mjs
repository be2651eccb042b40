// Bundles the compiler into dist/initsh.mjs (ts-morph stays external: it is loaded as is).
import { build } from "esbuild";

await build({
  entryPoints: ["compiler/cli.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["ts-morph"],
  outfile: "dist/initsh.mjs",
  logLevel: "warning",
});
