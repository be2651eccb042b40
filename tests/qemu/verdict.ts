/**
 * Reading a boot's serial log: the only oracle there is, since QEMU exits 0 whatever happened
 * in the guest.
 */
import { MOUNT_PREFIX, ROOT_MARKER } from "./rootfs.ts";

/** What a serial log shows. */
export interface Verdict {
  /** The PID the root's /sbin/init printed with the marker (1 after a working switch_root), if it ran. */
  rootPid: number | undefined;
  /** The mount points listed by the root's /sbin/init (from its /proc/mounts). */
  rootMounts: string[];
  /** Whether the kernel panicked (e.g. "Attempted to kill init!": PID 1 exited). */
  panic: boolean;
  /** Whether the kernel reached its power-off path ("reboot: Power down"). */
  poweredOff: boolean;
}

/** Reads a serial log (line ends already \n). */
export function judge(log: string): Verdict {
  const lines = log.split("\n");
  let rootPid: number | undefined;
  const rootMounts: string[] = [];
  for (const line of lines) {
    const marker = new RegExp(`${ROOT_MARKER} pid=(\\d+)`).exec(line);
    if (marker && rootPid === undefined) rootPid = Number(marker[1]);
    const at = line.indexOf(MOUNT_PREFIX);
    if (at >= 0) {
      const target = line.slice(at + MOUNT_PREFIX.length).split(" ")[1];
      if (target !== undefined) rootMounts.push(target);
    }
  }
  return {
    rootPid,
    rootMounts,
    panic: log.includes("Kernel panic - not syncing"),
    poweredOff: /reboot: Power down/.test(log),
  };
}

/** The last `count` lines of a log, for failure messages. */
export function tail(log: string, count = 40): string {
  return log.trimEnd().split("\n").slice(-count).join("\n");
}
