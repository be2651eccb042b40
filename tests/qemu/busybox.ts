/**
 * The busybox the guest runs: the host's busybox-static binary, copied into the cache under a
 * hash of its content together with its applet list (`busybox --list-full`).
 */
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cached, cacheRoot } from "./cache.ts";
import { runChecked } from "./run.ts";

/** A statically linked busybox and the paths of its applets. */
export interface Busybox {
  /** The cached binary. */
  binary: string;
  /** Applet paths relative to `/`, e.g. "bin/mount", "usr/bin/[" (busybox itself excluded). */
  applets: string[];
}

/**
 * The cached copy of the host busybox at `hostBinary`. Throws when that binary is dynamically
 * linked (Debian's `busybox` package rather than `busybox-static`): it would not run in an
 * initramfs without its libraries.
 */
export function ensureBusybox(hostBinary: string): Busybox {
  const bytes = readFileSync(hostBinary);
  if (!isStaticElf(bytes)) {
    throw new Error(`${hostBinary} is dynamically linked: install the apt package busybox-static (it replaces busybox)`);
  }
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const dir = cached(join(cacheRoot(), "busybox", hash), (scratch) => {
    const binary = join(scratch, "busybox");
    copyFileSync(hostBinary, binary);
    writeFileSync(join(scratch, "applets"), runChecked(binary, ["--list-full"]));
  });
  const applets = readFileSync(join(dir, "applets"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.endsWith("/busybox"));
  return { binary: join(dir, "busybox"), applets };
}

/** Whether `bytes` is an ELF executable without a program interpreter (PT_INTERP), i.e. static. */
export function isStaticElf(bytes: Buffer): boolean {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46) return false;
  const is64 = bytes[4] === 2;
  const little = bytes[5] === 1;
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const phoff = is64 ? Number(little ? bytes.readBigUInt64LE(32) : bytes.readBigUInt64BE(32)) : u32(28);
  const phentsize = u16(is64 ? 54 : 42);
  const phnum = u16(is64 ? 56 : 44);
  const PT_INTERP = 3;
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 4 > bytes.length) return false;
    if (u32(at) === PT_INTERP) return false;
  }
  return true;
}
