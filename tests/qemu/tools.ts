/**
 * The host programs the QEMU smoke suite runs, where to find them, and what to say when one is
 * missing: the message names the Debian package that provides it.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** A program the suite needs, with the Debian package that provides it. */
export interface Tool {
  /** The command name, e.g. "mke2fs". */
  command: string;
  /** The Debian package to install for it, e.g. "e2fsprogs". */
  aptPackage: string;
}

/** What every run needs (the kernel download needs more: see {@link DOWNLOAD_TOOLS}). */
export const BOOT_TOOLS: readonly Tool[] = [
  { command: "qemu-system-x86_64", aptPackage: "qemu-system-x86" },
  { command: "cpio", aptPackage: "cpio" },
  { command: "depmod", aptPackage: "kmod" },
  { command: "modprobe", aptPackage: "kmod" },
  { command: "mke2fs", aptPackage: "e2fsprogs" },
  { command: "busybox", aptPackage: "busybox-static" },
  { command: "timeout", aptPackage: "coreutils" },
];

/** What fetching the kernel into an empty cache needs. */
export const DOWNLOAD_TOOLS: readonly Tool[] = [
  { command: "apt-get", aptPackage: "apt" },
  { command: "apt-cache", aptPackage: "apt" },
  { command: "dpkg-deb", aptPackage: "dpkg" },
];

// depmod, modprobe and mke2fs live in sbin, which a non-root PATH often lacks.
const EXTRA_DIRS = ["/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"];

/** The absolute path of an executable named `command` on PATH or in the sbin folders, if any. */
export function findTool(command: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter).filter((d) => d !== ""), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const path = join(dir, command);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Resolves every tool to its path, or throws one error naming each missing command, the apt
 * packages that provide them, and how to skip the suite instead.
 */
export function requireTools(tools: readonly Tool[]): Record<string, string> {
  const found: Record<string, string> = {};
  const missing: Tool[] = [];
  for (const tool of tools) {
    const path = findTool(tool.command);
    if (path === undefined) missing.push(tool);
    else found[tool.command] = path;
  }
  if (missing.length > 0) {
    const names = missing.map((t) => `${t.command} (apt package ${t.aptPackage})`).join(", ");
    const packages = [...new Set(missing.map((t) => t.aptPackage))].join(" ");
    throw new Error(
      `The QEMU smoke tests need ${names}. Install with: apt-get install --no-install-recommends ${packages}` +
        ` (or run bash tests/install-tools.sh), or set INITSH_SKIP_QEMU=1 to skip these tests.`,
    );
  }
  return found;
}

/** Why the suite is skipped (INITSH_SKIP_QEMU=1), or undefined when it runs. */
export function qemuSkipReason(): string | undefined {
  return process.env.INITSH_SKIP_QEMU === "1" ? "INITSH_SKIP_QEMU=1 is set: the QEMU boot tests are skipped" : undefined;
}
