/**
 * Vitest's global setup: the tests that run the CLI (bin/initsh.js) run what ships, dist/. After
 * a change to the sources dist/ is stale, and those tests would test the old compiler; so dist/ is
 * rebuilt first whenever a source file is newer than it (`npm ci` builds it too, via `prepare`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
/** What dist/ is built from. */
const SOURCES = ["compiler", "dsl", "stdlib", "testing", "bin", "package.json"];

/** The newest modification time under `path` (a file or a folder), in ms. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "tests") continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

export default function setup(): void {
  const stamp = join(root, "dist", "compiler.cjs");
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (SOURCES.every((s) => !existsSync(join(root, s)) || newest(join(root, s)) <= built)) return;
  const r = spawnSync(process.execPath, [join(root, "compiler", "build.mjs")], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`dist/ is older than the sources and rebuilding it failed:\n${r.stdout}${r.stderr}`);
}
