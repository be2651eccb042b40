/**
 * The Debian cloud kernel the suite boots. It is fetched with `apt-get download` (never
 * installed: that would pull initramfs-tools and write /boot), unpacked with `dpkg-deb -x`,
 * given a `modules.dep` by `depmod -b`, and kept in the cache. Delete the cache folder to fetch
 * the current version again.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { cached, cacheRoot, isReady } from "./cache.ts";
import { runChecked } from "./run.ts";
import { DOWNLOAD_TOOLS, requireTools } from "./tools.ts";

/** The meta-package whose dependency names the current cloud kernel. */
const META_PACKAGE = "linux-image-cloud-amd64";

/** An unpacked kernel. */
export interface Kernel {
  /** The release, as `uname -r` prints it, e.g. "6.1.0-56-cloud-amd64". */
  version: string;
  /** The bootable image. */
  vmlinuz: string;
  /** A root holding `lib/modules/<version>/` with a kmod-generated modules.dep (for `modprobe -d`). */
  modulesRoot: string;
}

/**
 * A cached cloud kernel, fetched and unpacked first when the cache has none.
 *
 * @param depmod - the path of kmod's depmod.
 */
export function ensureKernel(depmod: string): Kernel {
  const dir = join(cacheRoot(), "kernel");
  const version = cachedVersion(dir) ?? currentVersion();
  const entry = cached(join(dir, version), (scratch) => fetchKernel(version, scratch, depmod));
  return { version, vmlinuz: join(entry, "vmlinuz"), modulesRoot: join(entry, "root") };
}

/** The newest finished kernel in the cache, if any. */
function cachedVersion(dir: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const ready = names.filter((n) => !n.startsWith(".") && isReady(join(dir, n)));
  return ready.sort((a, b) => a.localeCompare(b, "en", { numeric: true })).at(-1);
}

/** The kernel release the meta-package depends on now, refreshing the apt lists once if needed. */
function currentVersion(): string {
  const tools = requireTools(DOWNLOAD_TOOLS);
  const lookup = (): string | undefined => {
    const out = runChecked(tools["apt-cache"]!, ["depends", META_PACKAGE], { env: { ...process.env, LC_ALL: "C" } });
    return /Depends: linux-image-(\S+-cloud-amd64)\b/.exec(out)?.[1];
  };
  let version: string | undefined;
  try {
    version = lookup();
  } catch {
    version = undefined;
  }
  if (version === undefined) {
    refreshAptLists(tools["apt-get"]!);
    version = lookup();
  }
  if (version === undefined) throw new Error(`apt-cache depends ${META_PACKAGE} names no linux-image-*-cloud-amd64 package`);
  return version;
}

/** `apt-get update`, which needs root: otherwise an error saying what to run. */
function refreshAptLists(aptGet: string): void {
  if (process.getuid?.() !== 0) {
    throw new Error(`apt does not know ${META_PACKAGE}: run 'sudo apt-get update' once, then the tests again`);
  }
  runChecked(aptGet, ["update", "-qq"]);
}

/** Downloads, unpacks and indexes kernel `version` into `into` (vmlinuz, root/lib/modules/<version>). */
function fetchKernel(version: string, into: string, depmod: string): void {
  const tools = requireTools(DOWNLOAD_TOOLS);
  const pkg = `linux-image-${version}`;
  const download = join(into, "download");
  mkdirSync(download);
  try {
    runChecked(tools["apt-get"]!, ["download", "-qq", pkg], { cwd: download });
  } catch {
    refreshAptLists(tools["apt-get"]!);
    runChecked(tools["apt-get"]!, ["download", "-qq", pkg], { cwd: download });
  }
  const deb = readdirSync(download).find((f) => f.startsWith(`${pkg}_`) && f.endsWith(".deb"));
  if (deb === undefined) throw new Error(`apt-get download ${pkg} left no .deb file`);
  const root = join(into, "root");
  runChecked(tools["dpkg-deb"]!, ["-x", join(download, deb), root]);
  renameSync(join(root, "boot", `vmlinuz-${version}`), join(into, "vmlinuz"));
  // Newer Debian ships the modules under usr/lib: keep one layout, root/lib/modules.
  const merged = join(root, "usr", "lib", "modules");
  if (existsSync(merged) && !existsSync(join(root, "lib", "modules"))) {
    mkdirSync(join(root, "lib"), { recursive: true });
    renameSync(merged, join(root, "lib", "modules"));
  }
  // Only the image and the modules are used: drop the docs, the System.map and the .deb.
  for (const extra of ["boot", "usr"]) rmSync(join(root, extra), { recursive: true, force: true });
  rmSync(download, { recursive: true, force: true });
  runChecked(depmod, ["-b", root, version]);
}
