import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { release } from "node:os";
import { basename, dirname, join } from "node:path";
import type { Manifest } from "../manifest/collect.ts";
import { compress, decompress, type Compression } from "./compress.ts";
import { readCpio, writeCpio, type ListedEntry } from "./cpio.ts";
import { assembleImage, PackError, type ImageFile, type ModulePolicy } from "./image.ts";

export { COMPRESSIONS, type Compression } from "./compress.ts";
export { MODULE_POLICIES, PackError, type ImageFile, type ModulePolicy } from "./image.ts";
export type { ListedEntry } from "./cpio.ts";

/**
 * `initsh pack`: a bootable initramfs for a compiled init, from its manifest (image.ts decides
 * what goes in), as a reproducible newc cpio (cpio.ts), compressed (compress.ts), written
 * whole or not at all.
 */

export interface ImageOptions {
  /** The kernel the image is for (default: the running one's version). */
  kernelVersion?: string;
  /** Its modules (default /lib/modules/KERNEL_VERSION). */
  modulesDir?: string;
  /** Where firmware is looked for (default: the module tree's ../../firmware). */
  firmwareDir?: string;
  /** A statically linked busybox (default /bin/busybox, Debian's busybox-static). */
  busybox?: string;
  includes?: { source: string; dest: string }[];
  compression?: Compression;
  modules?: ModulePolicy;
  extraModules?: string[];
  /** The time every entry carries (default: SOURCE_DATE_EPOCH, else 0). */
  mtime?: number;
}

export interface BuiltImage {
  /** The compressed image. */
  bytes: Buffer;
  /** Its entries, each with why it is there. */
  files: ImageFile[];
  warnings: string[];
}

/** The image of a compiled init. Throws PackError (a message for the user) when it cannot be made. */
export function buildImage(script: string, manifest: Manifest, options: ImageOptions = {}): BuiltImage {
  const kernelVersion = options.kernelVersion ?? release();
  const { files, warnings } = assembleImage({
    script,
    manifest,
    kernelVersion,
    modulesDir: options.modulesDir ?? join("/lib/modules", kernelVersion),
    ...(options.firmwareDir ? { firmwareDir: options.firmwareDir } : {}),
    busybox: options.busybox ?? "/bin/busybox",
    includes: options.includes ?? [],
    modules: options.modules ?? "manifest",
    extraModules: options.extraModules ?? [],
  });
  const epoch = options.mtime ?? sourceDateEpoch();
  const cpio = writeCpio(files.map((f) => f.entry), epoch);
  return { bytes: compress(cpio, options.compression ?? "gzip"), files, warnings };
}

function sourceDateEpoch(): number {
  const value = process.env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === "") return 0;
  if (!/^[0-9]+$/.test(value)) throw new PackError(`SOURCE_DATE_EPOCH=${value} is not a number of seconds`);
  return Number(value);
}

/** Writes `bytes` to `path` whole or not at all: a temporary file beside it, then a rename. */
export function writeImage(path: string, bytes: Buffer): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { mode: 0o644 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "its folder does not exist" : (error as Error).message;
    throw new PackError(`cannot write ${path}: ${reason}`);
  }
}

/** The entries of an image file (any of the compressions), as `initsh pack --list` shows them. */
export function listImage(path: string): ListedEntry[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new PackError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return readCpio(decompress(bytes));
  } catch (error) {
    throw new PackError(`${path} is not an initramfs image initsh can read: ${(error as Error).message}`);
  }
}

/** One line per entry, like `ls -l`: type and permissions, size, path (and a link's target). */
export function formatListing(entries: readonly ListedEntry[]): string {
  const perms = (mode: number) => [6, 3, 0].map((shift) => ["r", "w", "x"].map((c, i) => ((mode >> shift) & (4 >> i) ? c : "-")).join("")).join("");
  const width = Math.max(1, ...entries.map((e) => String(e.size).length));
  return entries.map((e) => `${e.type}${perms(e.mode)} ${String(e.size).padStart(width)} /${e.path}${e.target !== undefined ? ` -> ${e.target}` : ""}\n`).join("");
}
