/**
 * Builds a test initramfs without root: a gzipped newc cpio holding busybox-static and its
 * applet symlinks, the compiled init as `/init`, the kernel modules asked for (with their
 * dependencies and a kmod-generated modules.dep for just that subset) and the empty folders
 * an init mounts on. Owners are written as 0:0 by cpio; no device nodes are needed (the init
 * mounts devtmpfs itself).
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import type { Busybox } from "./busybox.ts";
import type { Kernel } from "./kernel.ts";
import { runBytes, runChecked } from "./run.ts";

/** What goes into the initramfs. */
export interface InitramfsSpec {
  /** The text of `/init` (a compiled initsh script). */
  init: string;
  busybox: Busybox;
  kernel: Kernel;
  /** Modules to include by name (e.g. "virtio_pci"); their dependencies come along. */
  modules: readonly string[];
  /** Paths of the host tools: cpio, depmod, modprobe. */
  tools: Record<string, string>;
  /** Where to write the .cpio.gz. */
  out: string;
}

/** The folders created empty at the top of the initramfs. */
const EMPTY_DIRS = ["proc", "sys", "dev", "newroot", "run", "tmp"];

/** Writes the initramfs and returns its size in bytes. */
export function buildInitramfs(spec: InitramfsSpec): number {
  const stage = mkdtempSync(join(tmpdir(), "initsh-qemu-initramfs-"));
  try {
    for (const dir of [...EMPTY_DIRS, "bin"]) mkdirSync(join(stage, dir));
    copyFileSync(spec.busybox.binary, join(stage, "bin", "busybox"));
    chmodSync(join(stage, "bin", "busybox"), 0o755);
    for (const applet of spec.busybox.applets) {
      const path = join(stage, applet);
      if (existsSync(path)) continue;
      mkdirSync(dirname(path), { recursive: true });
      symlinkSync("/bin/busybox", path);
    }
    writeFileSync(join(stage, "init"), spec.init);
    chmodSync(join(stage, "init"), 0o755);
    addModules(stage, spec);
    const cpio = runCpio(stage, spec.tools.cpio!);
    const gz = gzipSync(cpio, { level: 9 });
    writeFileSync(spec.out, gz);
    return gz.length;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Copies the modules and their dependencies (`modprobe --show-depends` on the kernel's tree)
 * to `lib/modules/<version>/` in the stage and runs depmod there.
 */
function addModules(stage: string, spec: InitramfsSpec): void {
  if (spec.modules.length === 0) return;
  const { version, modulesRoot } = spec.kernel;
  const from = join(modulesRoot, "lib", "modules", version);
  const to = join(stage, "lib", "modules", version);
  const order: string[] = [];
  for (const name of spec.modules) {
    const plan = runChecked(spec.tools.modprobe!, ["-d", modulesRoot, "-S", version, "--show-depends", name]);
    for (const line of plan.split("\n")) {
      const [verb, path] = line.trim().split(/\s+/);
      if (verb !== "insmod" || path === undefined) continue; // "builtin NAME": nothing to copy
      const rel = relative(from, path);
      if (order.includes(rel)) continue;
      order.push(rel);
      mkdirSync(dirname(join(to, rel)), { recursive: true });
      copyFileSync(path, join(to, rel));
    }
  }
  writeFileSync(join(to, "modules.order"), order.map((rel) => `${rel}\n`).join(""));
  for (const file of ["modules.builtin", "modules.builtin.modinfo"]) {
    if (existsSync(join(from, file))) copyFileSync(join(from, file), join(to, file));
  }
  runChecked(spec.tools.depmod!, ["-b", stage, version]);
}

/** The newc archive of `stage`: every path, sorted bytewise, owners 0:0, reproducible. */
function runCpio(stage: string, cpio: string): Buffer {
  const paths = ["."];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}/${entry.name}`;
      paths.push(path);
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
    }
  };
  walk(stage, ".");
  paths.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return runBytes(cpio, ["-o", "-H", "newc", "-R", "0:0", "--reproducible", "--quiet"], { cwd: stage, input: paths.join("\n") + "\n" });
}
