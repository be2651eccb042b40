import { callSite, capture, env, exec, isDir, isExecutable, isFile, isSymlink, run } from "../dsl/index.ts";
import { cmdline } from "./cmdline.ts";
import { log } from "./log.ts";
import { mount } from "./mount.ts";
import { rescueShell } from "./rescue.ts";

/** Kernel filesystems the new root gets from the initramfs, when they are mounted. */
const MOVED = ["/dev", "/proc", "/sys", "/run"];

/** How many symbolic links a path may pass through, as the kernel allows. */
const MAX_LINKS = 40;

/** `/a/b` → `/a`; `/a` → `` (the root, written as nothing). */
function parentOf(path: string): string {
  const parts = path.split("/");
  let out = "";
  for (let i = 1; i < parts.length - 1; i++) out += `/${parts[i]}`;
  return out;
}

/**
 * The path that `path` names for a process whose root directory is `root` (as after chroot),
 * every symbolic link on the way followed inside `root`: `/sbin/init` → `/usr/lib/systemd/systemd`
 * on a merged-/usr system. `""` is the root itself. `undefined` when a link cannot be read or
 * there are too many. Reads links with `readlink`, one fork per link; none when there is none.
 */
function pathInRoot(root: string, path: string): string | undefined {
  let rest = path;
  let done = "";
  let links = 0;
  while (rest !== "") {
    const slash = rest.indexOf("/");
    const part = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? "" : rest.slice(slash + 1);
    if (part === "" || part === ".") continue;
    if (part === "..") {
      done = parentOf(done);
      continue;
    }
    const next = `${done}/${part}`;
    if (!isSymlink(`${root}${next}`)) {
      done = next;
      continue;
    }
    links++;
    const target = links > MAX_LINKS ? undefined : capture("readlink", `${root}${next}`);
    if (target === undefined || target === "") return undefined;
    // An absolute link starts again at the root; a relative one goes on from its directory.
    if (target.startsWith("/")) done = "";
    rest = rest === "" ? target : `${target}/${rest}`;
  }
  return done;
}

/** Whether `path` inside `root` is a program the kernel can start: a regular, executable file. */
function isProgramIn(root: string, path: string): boolean {
  const real = pathInRoot(root, path);
  return real !== undefined && isFile(`${root}${real}`) && isExecutable(`${root}${real}`);
}

/** `path` without trailing slashes (`/` stays `/`). */
function trimmed(path: string): string {
  let p = path;
  while (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  return p;
}

/**
 * Why busybox `switch_root` would refuse to switch from here to `newRoot`, or undefined when
 * it would not. Checked before anything moves: as PID 1, a switch_root that fails is a kernel
 * panic.
 */
function switchRootRefusal(newRoot: string, init: string): string | undefined {
  if (!newRoot.startsWith("/") || !isDir(newRoot)) return `${newRoot} is not a directory`;
  const rootDevice = mount.device("/");
  if (rootDevice === undefined) return "cannot read /proc/self/mountinfo to check the new root: mount /proc first (earlySetup)";
  const device = mount.device(newRoot);
  if (device === undefined) return `nothing is mounted on ${newRoot}: mount the root filesystem there first`;
  if (device === rootDevice) return `${newRoot} is part of the initramfs, not a filesystem of its own: mount the root filesystem there`;
  const rootType = mount.fsType("/");
  if (rootType !== "rootfs" && rootType !== "tmpfs" && rootType !== "ramfs") {
    return `/ is ${rootType ?? "unknown"}, not the initramfs: switch_root works only from the initramfs (use chrootExec or pivotRoot)`;
  }
  if (!isFile("/init")) return "/init is not a regular file: switch_root works only from the initramfs";
  if (!isProgramIn(newRoot, init)) return `${init} is missing or not executable in ${newRoot}`;
  return undefined;
}

/**
 * Hands the machine to the real system: moves /dev, /proc, /sys and /run (those mounted) into
 * `newRoot`, then `exec switch_root`. It never returns: if any step fails, the rescue shell
 * starts instead.
 *
 * Before anything moves it checks what busybox `switch_root` checks — as PID 1 a refusal
 * would panic the kernel: `newRoot` is the mount point of a filesystem other than the
 * initramfs, / is the initramfs (`/init` a regular file on rootfs or tmpfs), and `init` is an
 * executable file inside `newRoot` (symbolic links followed inside it).
 *
 * @param newRoot - where the real root filesystem is mounted, e.g. "/newroot".
 * @param init - the program to run as PID 1 there.
 * @param args - its arguments (e.g. cmdline.args()).
 * @example
 * switchRoot("/newroot");
 */
export function switchRoot(newRoot: string, init = "/sbin/init", ...args: string[]): never {
  const root = trimmed(newRoot);
  const refusal = switchRootRefusal(root, init);
  if (refusal !== undefined) rescueShell(`switchRoot: ${refusal}`);
  // Which ones are mounted is read from /proc/mounts before any move: that file moves with /proc.
  // The command line is read now too, while /proc is still here (rescueShell needs it).
  cmdline.read();
  const mounted: string[] = [];
  for (const dir of MOVED) {
    if (mount.isMounted(dir)) mounted.push(dir);
  }
  for (const dir of mounted) {
    if (!mount.move(dir, `${root}${dir}`)) rescueShell(`switchRoot: cannot move ${dir} into ${root}`);
  }
  log.ok(`Switching to ${root}`);
  exec("switch_root", root, init, args);
}

/**
 * Makes `newRoot` the root filesystem and puts the old root at `putOld` (`pivot_root`), for
 * a root that is not the initramfs (e.g. at shutdown, back into a tmpfs copy). It checks
 * first what the kernel requires: both are directories, `putOld` is `newRoot` or below it,
 * `newRoot` is a mount point of its own, and / is not the initramfs (rootfs cannot be
 * pivoted: switch to a tmpfs copy first).
 *
 * @returns whether the roots were swapped; on failure a line naming your source line is printed.
 * @fallible
 */
export function pivotRoot(newRoot: string, putOld: string): boolean {
  const root = trimmed(newRoot);
  const old = trimmed(putOld);
  let refusal: string | undefined = undefined;
  if (!isDir(root)) refusal = `${root} is not a directory`;
  else if (!isDir(old)) refusal = `${old} is not a directory`;
  else if (old !== root && !old.startsWith(`${root}/`)) refusal = `${old} is not inside ${root}`;
  else if (mount.device(root) === undefined || root === "/") refusal = `${root} is not a mount point`;
  else if (mount.fsType("/") === "rootfs") refusal = "/ is the initramfs (rootfs), which cannot be pivoted: switchRoot into a tmpfs copy first";
  if (refusal !== undefined) {
    log.fail(`${callSite()}: pivotRoot: ${refusal}`);
    return false;
  }
  const ok = run("pivot_root", root, old);
  if (!ok) log.fail(`${callSite()}: pivot_root ${root} ${old} failed`);
  return ok;
}

/**
 * Runs a program with `root` as its root directory, replacing the init (`exec chroot`).
 * Never returns; if it cannot start, the rescue shell does. `command` is a path inside
 * `root` (symbolic links followed inside it) or a name looked up on PATH there.
 */
export function chrootExec(root: string, command: string, ...args: string[]): never {
  // chroot fails after the exec, when PID 1 is already chroot: check first.
  const dir = trimmed(root);
  if (!dir.startsWith("/") || !isDir(dir)) rescueShell(`chrootExec: ${root} is not a directory`);
  let found = command.includes("/") && isProgramIn(dir, command);
  if (!command.includes("/")) {
    for (const p of (env("PATH") ?? "/sbin:/bin:/usr/sbin:/usr/bin").split(":")) {
      if (p !== "" && isProgramIn(dir, `${p}/${command}`)) found = true;
    }
  }
  if (!found) rescueShell(`chrootExec: ${command} is missing or not executable in ${dir}`);
  exec("chroot", dir, command, args);
}
