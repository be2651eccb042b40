/**
 * The suite's download cache, `node_modules/.cache/initsh-qemu/` at the repository root (or
 * `INITSH_QEMU_CACHE`). Each entry is built in a scratch folder beside it and published with
 * one rename, so a half-built entry is never used and two test workers cannot collide.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The file whose presence marks a finished cache entry. */
const READY = ".ready";

/** The cache root, created when missing. */
export function cacheRoot(): string {
  const root = process.env.INITSH_QEMU_CACHE ?? resolve(import.meta.dirname, "..", "..", "node_modules", ".cache", "initsh-qemu");
  mkdirSync(root, { recursive: true });
  return root;
}

/** Whether `dir` is a finished cache entry. */
export function isReady(dir: string): boolean {
  return existsSync(join(dir, READY));
}

/**
 * Returns `dir` when it is a finished entry; otherwise runs `fill` on an empty scratch folder
 * and renames that to `dir`. A broken `dir` (no ready mark) is removed and rebuilt; when
 * another worker published `dir` first, its copy wins and ours is dropped.
 */
export function cached(dir: string, fill: (scratch: string) => void): string {
  if (isReady(dir)) return dir;
  const scratch = scratchFor(dir);
  try {
    fill(scratch);
    publish(scratch, dir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}

/** {@link cached} for a `fill` that is asynchronous (a provisioning boot). */
export async function cachedAsync(dir: string, fill: (scratch: string) => Promise<void>): Promise<string> {
  if (isReady(dir)) return dir;
  const scratch = scratchFor(dir);
  try {
    await fill(scratch);
    publish(scratch, dir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}

/** An empty folder beside `dir` (same filesystem, so the rename is atomic). */
function scratchFor(dir: string): string {
  const parent = resolve(dir, "..");
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, ".build-"));
}

/** Marks `scratch` finished and renames it to `dir`, unless another worker got there first. */
function publish(scratch: string, dir: string): void {
  writeFileSync(join(scratch, READY), "");
  if (existsSync(dir) && !isReady(dir)) rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(scratch, dir);
  } catch (error) {
    if (!isReady(dir)) throw error;
  }
}
