import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { readElf } from "./elf.ts";

/**
 * The kernel modules an image needs, from a kernel's module tree (/lib/modules/KV): each name
 * as modprobe resolves it — `-` and `_` alike, then aliases (modules.alias) — with the modules
 * it depends on (modules.dep) and its soft dependencies (modules.softdep), those built into
 * the kernel (modules.builtin) left out, and the firmware each declares (`.modinfo`), where the
 * host has it.
 */

export interface ModuleTree {
  /** /lib/modules/KV. */
  dir: string;
  version: string;
  /** Module name (with `_`) → its path relative to `dir`. */
  paths: Map<string, string>;
  /** relative path → the relative paths it depends on. */
  deps: Map<string, string[]>;
  builtin: Set<string>;
  aliases: { pattern: RegExp; module: string }[];
  softdeps: Map<string, string[]>;
}

/** `dm-crypt` and `dm_crypt` are one module to kmod. */
export const moduleName = (s: string): string => s.replaceAll("-", "_");

/** The name of a module file: kernel/drivers/md/dm-crypt.ko → dm_crypt. */
const nameOfPath = (path: string): string => moduleName(basename(path).replace(/\.ko(\.(xz|zst|gz))?$/, ""));

/** Reads a module tree's index files; throws a plain message naming what is missing. */
export function readModuleTree(dir: string, version: string): ModuleTree {
  const read = (file: string, required: boolean) => {
    const path = join(dir, file);
    if (!existsSync(path)) {
      if (required) throw new Error(`${path} is missing: the module tree is incomplete (run depmod ${version}, or install the kernel's modules)`);
      return "";
    }
    return readFileSync(path, "utf8");
  };
  const paths = new Map<string, string>();
  const deps = new Map<string, string[]>();
  for (const line of read("modules.dep", true).split("\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const path = line.slice(0, colon);
    paths.set(nameOfPath(path), path);
    deps.set(path, line.slice(colon + 1).trim().split(/\s+/).filter((d) => d !== ""));
  }
  const builtin = new Set(read("modules.builtin", false).split("\n").filter((l) => l !== "").map(nameOfPath));
  const aliases: ModuleTree["aliases"] = [];
  for (const line of read("modules.alias", false).split("\n")) {
    const m = /^alias\s+(\S+)\s+(\S+)$/.exec(line);
    if (!m) continue;
    aliases.push({ pattern: globToRegExp(m[1]!), module: moduleName(m[2]!) });
  }
  const softdeps = new Map<string, string[]>();
  for (const line of read("modules.softdep", false).split("\n")) {
    const m = /^softdep\s+(\S+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const names = m[2]!.split(/\s+/).filter((w) => w !== "" && w !== "pre:" && w !== "post:").map(moduleName);
    softdeps.set(moduleName(m[1]!), names);
  }
  return { dir, version, paths, deps, builtin, aliases, softdeps };
}

/** An fnmatch pattern of modules.alias (`*`, `?`, `[…]`) as a regular expression. */
function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) out += "\\[";
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

/** What a name given to modprobe loads: module names, `builtin`, or nothing the kernel knows. */
export function resolveModule(tree: ModuleTree, name: string): { modules: string[] } | "builtin" | undefined {
  const n = moduleName(name);
  if (tree.paths.has(n)) return { modules: [n] };
  if (tree.builtin.has(n)) return "builtin";
  const matched = [...new Set(tree.aliases.filter((a) => a.pattern.test(name) || a.pattern.test(n)).map((a) => a.module))];
  const loadable = matched.filter((m) => tree.paths.has(m));
  if (loadable.length > 0) return { modules: loadable };
  if (matched.some((m) => tree.builtin.has(m))) return "builtin";
  return undefined;
}

/** The module files (relative to the tree) `names` need, dependencies and soft dependencies first, each once. */
export function moduleClosure(tree: ModuleTree, names: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    if (out.includes(path)) return;
    for (const dep of tree.deps.get(path) ?? []) visit(dep);
    out.push(path);
    for (const soft of tree.softdeps.get(nameOfPath(path)) ?? []) {
      const p = tree.paths.get(soft);
      if (p) visit(p);
    }
  };
  for (const name of names) {
    const path = tree.paths.get(moduleName(name));
    if (path) visit(path);
  }
  return out;
}

/** The firmware files a module declares (`firmware=` in its .modinfo), relative to /lib/firmware. */
export function moduleFirmware(tree: ModuleTree, path: string): string[] {
  if (!path.endsWith(".ko")) return []; // a compressed module: its .modinfo is not readable here
  try {
    return readElf(readFileSync(join(tree.dir, path)))
      .modinfo.filter((s) => s.startsWith("firmware="))
      .map((s) => s.slice("firmware=".length));
  } catch {
    return [];
  }
}

/**
 * The modules a "most" policy takes, as initramfs-tools' MODULES=most does: every module of the
 * drivers a root filesystem may sit on (block, ATA, SCSI, NVMe, MMC, USB storage, virtio, md and
 * device-mapper), the filesystems, and the crypto and library code they use.
 */
export function mostModules(tree: ModuleTree): string[] {
  const kept = /^kernel\/(drivers\/(ata|block|scsi|nvme|mmc|md|virtio|usb\/(storage|host|core)|cdrom|input\/keyboard|hid)|fs|crypto|lib|arch\/[^/]+\/crypto)\//;
  return [...tree.paths].filter(([, path]) => kept.test(path)).map(([name]) => name).sort();
}
