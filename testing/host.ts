/**
 * What the simulator needs from the host: its tools, the shared libraries of the binaries
 * copied into the kit, and a block device node that can stand for every simulated device.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** Absolute paths of the host tools the simulator runs. */
export interface HostTools {
  /** dash: runs the host-side scripts; copied into the kit to run the init and the shims. */
  dash: string;
  /** util-linux unshare: the user, mount and PID namespaces. */
  unshare: string;
  /** util-linux script: gives the init a pty for /dev/console. */
  script: string;
  /** util-linux mount: copied into the kit (bind-mounts appearing device nodes). */
  mount: string;
  /** coreutils mkdir: copied into the kit (the mkdir shim and device directories). */
  mkdir: string;
}

/** The folders searched for host tools, after $PATH. */
const EXTRA_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** The PATH given to the host-side scripts. */
export const hostPath = [...new Set([...(process.env.PATH ?? "").split(":").filter((d) => d.startsWith("/")), ...EXTRA_PATH])].join(":");

/** Finds an executable by name on the host PATH (plus the sbin folders). */
export function findExecutable(name: string): string | undefined {
  for (const dir of hostPath.split(":")) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const PACKAGES: Record<string, string> = {
  dash: "dash",
  unshare: "util-linux",
  script: "bsdutils (util-linux)",
  mount: "mount (util-linux)",
  mkdir: "coreutils",
  chroot: "coreutils",
  env: "coreutils",
  mkfifo: "coreutils",
  stty: "coreutils",
  tty: "coreutils",
};

let cachedTools: HostTools | undefined;

/** Finds every host tool the simulator needs, or throws naming the missing ones and their packages. */
export function hostTools(): HostTools {
  if (cachedTools) return cachedTools;
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const name of Object.keys(PACKAGES)) {
    const path = findExecutable(name);
    if (path) found.set(name, path);
    else missing.push(`${name} (Debian package: ${PACKAGES[name]})`);
  }
  if (missing.length > 0) {
    throw new Error(`initsh simulate needs these host tools, which were not found on PATH:\n  ${missing.join("\n  ")}`);
  }
  cachedTools = {
    dash: found.get("dash")!,
    unshare: found.get("unshare")!,
    script: found.get("script")!,
    mount: found.get("mount")!,
    mkdir: found.get("mkdir")!,
  };
  return cachedTools;
}

/** A dynamically linked binary's loader and libraries, as ldd reports them. */
export interface Linkage {
  /** The program interpreter (dynamic loader), e.g. /lib64/ld-linux-x86-64.so.2; absent for a static binary. */
  loader?: string;
  /** The shared libraries, by the path the loader resolved. */
  libraries: string[];
}

/** Asks ldd which loader and libraries a binary uses. */
export function linkage(binary: string): Linkage {
  const run = spawnSync("ldd", [binary], { encoding: "utf8" });
  if (run.error || run.status !== 0) {
    if (/not a dynamic executable|statically linked/.test(`${run.stdout}${run.stderr}`)) return { libraries: [] };
    throw new Error(`initsh simulate: cannot list the libraries of ${binary} with ldd: ${run.error?.message ?? run.stderr.trim()}`);
  }
  const libraries: string[] = [];
  let loader: string | undefined;
  for (const line of run.stdout.split("\n")) {
    const resolved = /=>\s+(\/\S+)/.exec(line);
    if (resolved) {
      libraries.push(resolved[1]!);
      continue;
    }
    const bare = /^\s*(\/\S+)\s+\(0x/.exec(line);
    if (bare) loader = bare[1]!;
  }
  return { loader, libraries };
}

/** Whether the dynamic loader accepts --argv0 (glibc 2.33 and later). */
export function loaderSupportsArgv0(loader: string): boolean {
  const run = spawnSync(loader, ["--help"], { encoding: "utf8" });
  return `${run.stdout ?? ""}`.includes("--argv0");
}

/**
 * A host block device node to bind-mount wherever a simulated device appears, so that
 * `[ -b /dev/vda ]` holds. Only an unattached loop device is used: the init runs as root
 * of its user namespace, and when the host user is root that maps to real root, so a
 * node backed by a real disk could be written to. An unattached loop device has no data
 * (reads and writes fail). Undefined when none exists: devices are then empty regular
 * files, `-b` tests fail, everything else works.
 */
export function pickBlockNode(): string | undefined {
  for (let n = 0; n < 64; n++) {
    const node = `/dev/loop${n}`;
    try {
      if (!existsSync(node) || !statSync(node).isBlockDevice()) continue;
      const size = readFileSync(`/sys/block/loop${n}/size`, "utf8").trim();
      if (size === "0" && !existsSync(`/sys/block/loop${n}/loop/backing_file`)) return node;
    } catch {
      // not usable
    }
  }
  return undefined;
}
