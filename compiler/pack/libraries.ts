import { existsSync, readFileSync, readdirSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { readElf, isElf, type ElfFile } from "./elf.ts";

/**
 * The files a dynamically linked program needs to start: its loader (PT_INTERP, at the path it
 * names) and every library it needs, its libraries' libraries included, found the way the
 * loader finds them on the host — the object's RUNPATH/RPATH (`$ORIGIN` expanded), then the
 * directories of /etc/ld.so.conf, then the loader's own defaults — and each put in the image at
 * the path it was found at, so the loader in the image finds it the same way.
 */

/** A file of the host to put in the image. */
export interface HostFile {
  /** Where it goes in the image (absolute). */
  path: string;
  /** The host file to read (symbolic links followed). */
  source: string;
  /** Why it is there, for `initsh pack --explain`. */
  reason: string;
}

/** The loader's own directories, after ld.so.conf's. */
const DEFAULT_DIRS = ["/lib64", "/usr/lib64", "/lib", "/usr/lib"];

/** The directories /etc/ld.so.conf lists, its `include`s followed (`root`: another root to read them in). */
export function ldSoConfDirs(root = "/"): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const read = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      return;
    }
    for (const raw of text.split("\n")) {
      const line = raw.replace(/#.*/, "").trim();
      if (line === "") continue;
      const include = /^include\s+(.+)$/.exec(line);
      if (include) {
        for (const pattern of include[1]!.split(/\s+/)) {
          const dir = dirname(pattern);
          const glob = new RegExp(`^${pattern.slice(dir.length + 1).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
          let names: string[] = [];
          try {
            names = readdirSync(join(root, dir)).filter((n) => glob.test(n)).sort();
          } catch {
            names = [];
          }
          names.forEach((n) => read(join(dir, n)));
        }
      } else if (line.startsWith("/")) out.push(line);
    }
  };
  read("/etc/ld.so.conf");
  return out;
}

/** Resolves programs' shared libraries on a host (the running one unless `root` says otherwise). */
export class LibraryResolver {
  private readonly searchDirs: string[];
  private readonly elfs = new Map<string, ElfFile | undefined>();

  constructor(private readonly root = "/") {
    this.searchDirs = [...ldSoConfDirs(root), ...DEFAULT_DIRS];
  }

  private elf(path: string): ElfFile | undefined {
    if (!this.elfs.has(path)) {
      let parsed: ElfFile | undefined;
      try {
        const bytes = readFileSync(join(this.root, path));
        parsed = isElf(bytes) ? readElf(bytes) : undefined;
      } catch {
        parsed = undefined;
      }
      this.elfs.set(path, parsed);
    }
    return this.elfs.get(path);
  }

  /**
   * Every file a program needs besides itself: its loader and libraries, each once, in the
   * order found. Throws (naming the library and who needs it) when one cannot be found.
   */
  closure(program: string): HostFile[] {
    const out = new Map<string, HostFile>();
    const queue: { path: string; by: string }[] = [{ path: program, by: "" }];
    for (let item = queue.shift(); item; item = queue.shift()) {
      const elf = this.elf(item.path);
      if (!elf) continue; // a script or a data file: nothing to link
      const add = (path: string, reason: string) => {
        if (path === program || out.has(path)) return;
        out.set(path, { path, source: realpathSync(join(this.root, path)), reason });
        queue.push({ path, by: path });
      };
      if (elf.interpreter !== undefined) {
        if (!existsSync(join(this.root, elf.interpreter))) throw new Error(`${item.path} needs the loader ${elf.interpreter}, which the host does not have`);
        add(elf.interpreter, `the loader of ${item.path}`);
      }
      for (const soname of elf.needed) {
        const found = this.find(soname, elf, item.path);
        if (found === undefined) throw new Error(`${item.path} needs ${soname}, which is in none of ${this.dirsFor(elf, item.path).join(", ")}`);
        add(found, `needed by ${item.path}`);
      }
    }
    return [...out.values()];
  }

  /** Where the loader would look for `soname` on behalf of `object`. */
  private dirsFor(object: ElfFile, path: string): string[] {
    const origin = dirname(path);
    return [...object.searchPath.map((d) => d.replaceAll("$ORIGIN", origin).replaceAll("${ORIGIN}", origin)), ...this.searchDirs];
  }

  /** The first library named `soname` of the object's class and machine, or undefined. */
  private find(soname: string, object: ElfFile, path: string): string | undefined {
    if (soname.includes("/")) return existsSync(join(this.root, soname)) ? soname : undefined;
    for (const dir of this.dirsFor(object, path)) {
      const candidate = join(dir, soname);
      const lib = existsSync(join(this.root, candidate)) ? this.elf(candidate) : undefined;
      if (lib && lib.bits === object.bits && lib.machine === object.machine) return candidate;
    }
    return undefined;
  }
}
