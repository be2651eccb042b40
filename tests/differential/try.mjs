#!/usr/bin/env node
// Quick differential check of one or more TypeScript files outside vitest (handy for repros):
//   node tests/differential/try.mjs [--script] file.ts [more.ts ...]
// Bundles the current compiler source (compiler/index.ts) into tests/differential/.cache/,
// compiles each file, runs it in Node and in the six shells (empty PATH), and prints what
// differs. --script also prints the generated script.
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, transformSync } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, ".cache");
mkdirSync(cache, { recursive: true });
const bundle = join(cache, "compiler.mjs");
await build({
  entryPoints: [resolve(here, "../../compiler/index.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  outfile: bundle,
  logLevel: "warning",
});
const { compileFile, formatDiagnostics } = await import(pathToFileURL(bundle).href + "?t=" + Date.now());

const which = (p) => {
  for (const d of (process.env.PATH ?? "").split(delimiter)) {
    try {
      accessSync(join(d, p), constants.X_OK);
      return join(d, p);
    } catch {}
  }
  return undefined;
};
const shells = JSON.parse(readFileSync(join(here, "shells.json"), "utf8")).map((s) => [s.name, s.program, s.args]);

const args = process.argv.slice(2);
const showScript = args.includes("--script");
const files = args.filter((a) => !a.startsWith("--"));
const tmp = mkdtempSync(join(tmpdir(), "initsh-try-"));
mkdirSync(join(tmp, "empty"));
const fmt = (r) => `status ${r.status}${r.signal ? ` signal ${r.signal}` : ""} stdout ${JSON.stringify(r.stdout)} stderr ${JSON.stringify(r.stderr)}`;
let failed = 0;
for (const file of files) {
  console.log(`=== ${file}`);
  const res = compileFile(resolve(file));
  if (!res.ok) {
    console.log(formatDiagnostics(res.diagnostics));
    failed++;
    continue;
  }
  const script = join(tmp, "script.sh");
  writeFileSync(script, res.script);
  if (showScript) console.log(res.script);
  const js = transformSync(readFileSync(file, "utf8"), { loader: "ts", format: "esm" }).code;
  const node = spawnSync(process.execPath, ["--input-type=module", "-e", js], { stdio: ["ignore", "pipe", "pipe"], encoding: "latin1", timeout: 10_000 });
  console.log(`node         ${fmt(node)}`);
  for (const [name, prog, pre] of shells) {
    const exe = which(prog);
    if (!exe) {
      console.log(`${name.padEnd(12)} not installed`);
      continue;
    }
    const r = spawnSync(exe, [...pre, script], {
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "latin1",
      timeout: 10_000,
      env: { PATH: join(tmp, "empty") },
      cwd: tmp,
    });
    const same = r.stdout === node.stdout && r.stderr === node.stderr && r.status === node.status;
    if (!same) failed++;
    console.log(`${name.padEnd(12)} ${same ? "same" : fmt(r)}`);
  }
}
rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
