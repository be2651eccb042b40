import {
  callSite,
  isDir,
  readFile,
  mkdir,
  run,
  setEnv,
  useConsole,
  type DeviceSpec,
  type DiskMountOptions,
  type MountOptions,
  type OverlayMountOptions,
  type PseudoMountOptions,
  type TmpfsMountOptions,
} from "../dsl/index.ts";
import { cmdline } from "./cmdline.ts";
import { resolveDevice } from "./devices.ts";
import { log } from "./log.ts";

/** How the kernel writes a path in /proc/mounts and mountinfo: space, tab, newline and `\` escaped. */
function escapedPath(path: string): string {
  return path.replaceAll("\\", "\\134").replaceAll(" ", "\\040").replaceAll("\t", "\\011").replaceAll("\n", "\\012");
}

/** `path` without trailing slashes (`/` stays `/`). */
function withoutTrailingSlash(path: string): string {
  let p = path;
  while (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  return p;
}

/**
 * The line of /proc/self/mountinfo for the topmost filesystem mounted at `target` (the last
 * one listed there), or undefined: `"24 1 254:1 / /newroot rw,relatime - ext4 /dev/vda1 rw"`.
 */
function mountInfoLine(target: string): string | undefined {
  const table = readFile("/proc/self/mountinfo");
  if (table === undefined) return undefined;
  const wanted = escapedPath(withoutTrailingSlash(target));
  let found: string | undefined = undefined;
  for (const line of table.split("\n")) {
    const fields = line.split(" ");
    if (fields[4] === wanted) found = line;
  }
  return found;
}

/** The filesystem type in a mountinfo line: the field after the ` - ` separator. */
function mountInfoType(line: string): string {
  const after = line.indexOf(" - ");
  const rest = after < 0 ? "" : line.slice(after + 3);
  const space = rest.indexOf(" ");
  return space < 0 ? rest : rest.slice(0, space);
}

/** Creates a mount point that is missing (an external mkdir, only when needed). */
function ensureDir(path: string): boolean {
  return isDir(path) || mkdir(path);
}

/** The `-o` list for a mount: read-only, per-filesystem options, then the extra ones. */
function optionList(options: MountOptions): string[] {
  const out: string[] = [];
  if (options.readonly === true) out.push("ro");
  if (options.type === "tmpfs") {
    if (options.size !== undefined) out.push(`size=${options.size}`);
    if (options.mode !== undefined) out.push(`mode=${options.mode}`);
  }
  if (options.type === "overlay") {
    out.push(`lowerdir=${options.lower.join(":")}`);
    if (options.upper !== undefined) out.push(`upperdir=${options.upper}`);
    if (options.work !== undefined) out.push(`workdir=${options.work}`);
  }
  const flat = options as { loop?: boolean };
  if (flat.loop === true) out.push("loop");
  const extra = options.options;
  if (extra !== undefined) {
    for (const o of extra) out.push(o);
  }
  return out;
}

/**
 * Mounts a filesystem on a block device. The device may be named by tag (`LABEL=root`): it
 * is looked up first. The target directory is created when missing.
 *
 * @returns whether it is mounted; on failure a line naming your source line is printed.
 * @fallible
 * @example
 * mount(root, "/newroot", { type: "ext4", readonly: true }) || rescueShell("cannot mount root");
 */
export function mount(device: DeviceSpec, target: string, options: DiskMountOptions): boolean;
/**
 * Mounts a filesystem image file through a loop device.
 * @fallible
 * @example
 * mount("/mnt/live/rootfs.squashfs", "/mnt/rootfs", { type: "squashfs", loop: true });
 */
export function mount(file: string, target: string, options: DiskMountOptions & { loop: true }): boolean;
/**
 * Mounts a tmpfs, an overlay or a kernel filesystem; `source` is the name shown in the mount
 * table (`"tmpfs"`, `"overlay"`, `"proc"`).
 * @fallible
 * @example
 * mount("tmpfs", "/newroot", { type: "tmpfs", size: "90%" });
 */
export function mount(source: string, target: string, options: TmpfsMountOptions | OverlayMountOptions | PseudoMountOptions): boolean;
export function mount(source: string, target: string, options: MountOptions): boolean {
  let from = source;
  const flat = options as { loop?: boolean };
  const isDisk = options.type !== "tmpfs" && options.type !== "overlay" && options.type !== "proc" && options.type !== "sysfs" && options.type !== "devtmpfs" && options.type !== "devpts" && options.type !== "ramfs";
  if (isDisk && flat.loop !== true && !source.startsWith("/dev/")) {
    const found = resolveDevice(source as DeviceSpec);
    if (found === undefined) {
      log.fail(`${callSite()}: mount ${source} on ${target}: no such device`);
      return false;
    }
    from = found;
  }
  if (!ensureDir(target)) {
    log.fail(`${callSite()}: mount ${source} on ${target}: cannot create ${target}`);
    return false;
  }
  const opts = optionList(options);
  const ok = opts.length > 0
    ? run("mount", "-t", options.type, "-o", opts.join(","), from, target)
    : run("mount", "-t", options.type, from, target);
  if (!ok) log.fail(`${callSite()}: mount ${source} on ${target} failed`);
  return ok;
}

/** Bind mounts, moves and remounts. */
export namespace mount {
  /**
   * Whether something is mounted at `target` now, from /proc/mounts (no fork).
   * @example
   * if (!mount.isMounted("/proc")) earlySetup() || rescueShell("no /proc");
   */
  export function isMounted(target: string): boolean {
    const table = readFile("/proc/mounts");
    if (table === undefined) return false;
    const escaped = escapedPath(target);
    for (const line of table.split("\n")) {
      const fields = line.split(" ");
      if (fields[1] === escaped) return true;
    }
    return false;
  }

  /**
   * The device of the filesystem mounted at `target` (the topmost one), as `MAJOR:MINOR` from
   * /proc/self/mountinfo (no fork): `"254:1"` for a disk partition, `"0:2"` for the initramfs.
   * `undefined` when `target` is not a mount point, or /proc is not mounted. A bind mount shows
   * the device it was taken from: `mount.device("/newroot") === mount.device("/")` says that
   * /newroot is part of the initramfs.
   */
  export function device(target: string): string | undefined {
    const line = mountInfoLine(target);
    return line === undefined ? undefined : line.split(" ")[2];
  }

  /**
   * The filesystem type mounted at `target` (the topmost one), from /proc/self/mountinfo (no
   * fork): `"ext4"`, `"tmpfs"`, `"rootfs"` for the initramfs itself; `undefined` when `target`
   * is not a mount point, or /proc is not mounted.
   */
  export function fsType(target: string): string | undefined {
    const line = mountInfoLine(target);
    return line === undefined ? undefined : mountInfoType(line);
  }

  /**
   * Makes `source` (a directory or file) visible at `target` too (`mount --bind`).
   * @fallible
   */
  export function bind(source: string, target: string): boolean {
    if (!ensureDir(target)) return false;
    const ok = run("mount", "--bind", source, target);
    if (!ok) log.fail(`${callSite()}: bind ${source} on ${target} failed`);
    return ok;
  }

  /**
   * Moves a mounted filesystem to another place (`mount --move`), e.g. /dev into the new root.
   * @fallible
   */
  export function move(from: string, to: string): boolean {
    if (!ensureDir(to)) return false;
    const ok = run("mount", "--move", from, to);
    if (!ok) log.fail(`${callSite()}: move ${from} to ${to} failed`);
    return ok;
  }

  /**
   * Changes the options of a mounted filesystem (`mount -o remount,…`).
   * @fallible
   * @example
   * mount.remount("/newroot", { readonly: true });
   */
  export function remount(target: string, options: { readonly?: boolean; options?: string[] }): boolean {
    const opts: string[] = ["remount"];
    if (options.readonly === true) opts.push("ro");
    if (options.readonly === false) opts.push("rw");
    const extra = options.options;
    if (extra !== undefined) {
      for (const o of extra) opts.push(o);
    }
    const ok = run("mount", "-o", opts.join(","), target);
    if (!ok) log.fail(`${callSite()}: remount ${target} failed`);
    return ok;
  }
}

/**
 * Unmounts a filesystem; `lazy` detaches it now and cleans up when it is no longer busy.
 * @fallible
 */
export function umount(target: string, lazy = false): boolean {
  return lazy ? run("umount", "-l", target) : run("umount", target);
}

/**
 * The first steps of every init: mounts /proc, reads the kernel command line, mounts /sys and
 * /dev (devtmpfs), points the init's input and output at /dev/console, and sets a PATH for the
 * commands it runs.
 *
 * @returns whether everything worked (a console that cannot be opened is only a warning).
 * @fallible
 * @example
 * earlySetup() || rescueShell("cannot mount /proc, /sys or /dev");
 */
export function earlySetup(): boolean {
  setEnv("PATH", "/sbin:/bin:/usr/sbin:/usr/bin");
  if (!mount("proc", "/proc", { type: "proc" })) return false;
  // The command line now, while /proc is fresh: `debug` then traces everything after this.
  cmdline.read();
  const ok = mount("sysfs", "/sys", { type: "sysfs" }) && mount("devtmpfs", "/dev", { type: "devtmpfs" });
  if (ok && !useConsole("/dev/console")) log.warn("cannot open /dev/console: output stays where the kernel put it");
  return ok;
}
