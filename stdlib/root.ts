import { exec, isDir, isExecutable, isSymlink, run } from "../dsl/index.ts";
import { cmdline } from "./cmdline.ts";
import { log } from "./log.ts";
import { mount } from "./mount.ts";
import { rescueShell } from "./rescue.ts";

/** Kernel filesystems the new root gets from the initramfs, when they are mounted. */
const MOVED = ["/dev", "/proc", "/sys", "/run"];

/**
 * Hands the machine to the real system: moves /dev, /proc, /sys and /run (those mounted) into
 * `newRoot`, checks that `init` exists there and is executable, then `exec switch_root`. It
 * never returns: if any step fails, the rescue shell starts instead.
 *
 * @param newRoot - where the real root filesystem is mounted, e.g. "/newroot".
 * @param init - the program to run as PID 1 there.
 * @param args - its arguments (e.g. cmdline.args()).
 * @example
 * switchRoot("/newroot");
 */
export function switchRoot(newRoot: string, init = "/sbin/init", ...args: string[]): never {
  if (!isDir(newRoot)) rescueShell(`switchRoot: ${newRoot} is not a directory`);
  // An absolute symlink (/sbin/init -> /lib/systemd/systemd) only resolves inside the new root.
  const target = `${newRoot}${init}`;
  if (!isExecutable(target) && !isSymlink(target)) rescueShell(`switchRoot: ${init} is missing or not executable in ${newRoot}`);
  // Which ones are mounted is read from /proc/mounts before any move: that file moves with /proc.
  // The command line is read now too, while /proc is still here (rescueShell needs it).
  cmdline.read();
  const mounted: string[] = [];
  for (const dir of MOVED) {
    if (mount.isMounted(dir)) mounted.push(dir);
  }
  for (const dir of mounted) {
    if (!mount.move(dir, `${newRoot}${dir}`)) rescueShell(`switchRoot: cannot move ${dir} into ${newRoot}`);
  }
  log.ok(`Switching to ${newRoot}`);
  exec("switch_root", newRoot, init, args);
}

/**
 * Makes `newRoot` the root filesystem and puts the old root at `putOld` (`pivot_root`), for
 * a root that is not the initramfs (e.g. at shutdown, back into a tmpfs copy).
 * @fallible
 */
export function pivotRoot(newRoot: string, putOld: string): boolean {
  return run("pivot_root", newRoot, putOld);
}

/**
 * Runs a program with `root` as its root directory, replacing the init (`exec chroot`).
 * Never returns; if it cannot start, the rescue shell does.
 */
export function chrootExec(root: string, command: string, ...args: string[]): never {
  // chroot fails after the exec, when PID 1 is already chroot: check first.
  const target = `${root}${command}`;
  if (!isDir(root)) rescueShell(`chrootExec: ${root} is not a directory`);
  if (!isExecutable(target) && !isSymlink(target)) rescueShell(`chrootExec: ${command} is missing or not executable in ${root}`);
  exec("chroot", root, command, args);
}
