// One timed boot for the boot benchmark (bench/boot/run.mjs): QEMU (TCG) with the kernel, an
// initramfs and the benchmark's root disk, the serial console read as it comes. Three clocks:
//   - wall: from QEMU's start to the root's marker on the console (what a user waits);
//   - the kernel's own, from the kernel log the root's /sbin/init prints after its marker
//     (printk.time=1): when the kernel ran /init, when the disk appeared, when the root was
//     mounted, when the root's init wrote its marker to /dev/kmsg.
// The disks are attached with snapshot=on (the guest's writes are dropped): every boot starts alike.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

/** The line the root's /sbin/init prints on the console, and writes to /dev/kmsg. */
export const MARKER = "INITSH-BOOT-MARKER";

/** The root's /sbin/init: the marker (in the kernel log too), the kernel log, power off. */
export const ROOT_INIT = `#!/bin/busybox sh
[ -e /dev/kmsg ] || /bin/busybox mount -t devtmpfs devtmpfs /dev
echo "${MARKER}" >/dev/kmsg
echo "${MARKER} pid=$$" >/dev/console
echo "KERNEL-LOG-BEGIN" >/dev/console
/bin/busybox dmesg >/dev/console
echo "KERNEL-LOG-END" >/dev/console
/bin/busybox poweroff -f
`;

/**
 * Boots once and returns the timings (undefined where the log lacks the event), the serial log,
 * and how it ended. `disks` are the guest's virtio disks in order (vda, vdb…), each attached with
 * snapshot=on (the guest's writes are dropped) unless `writable` names it. `timeoutSeconds` kills
 * QEMU (and the boot counts as failed).
 */
export function timedBoot({ qemu, vmlinuz, initrd, disks, writable = [], append, timeoutSeconds = 120, log }) {
  return new Promise((resolve) => {
    const args = [
      "-accel", "tcg", "-m", "512", "-nographic", "-no-reboot",
      "-kernel", vmlinuz, "-initrd", initrd,
      "-append", `console=ttyS0 panic=-1 quiet printk.time=1 ${append}`,
      ...disks.flatMap((disk) => ["-drive", `file=${disk},format=raw,if=virtio${writable.includes(disk) ? "" : ",snapshot=on"}`]),
    ];
    const start = process.hrtime.bigint();
    const child = spawn(qemu, args, { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    let wallMs;
    const onData = (chunk) => {
      text += chunk.toString("latin1");
      if (wallMs === undefined && text.includes(`${MARKER} pid=`)) wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutSeconds * 1000);
    child.on("close", () => {
      clearTimeout(timer);
      const serial = text.replaceAll("\r\n", "\n").replaceAll("\r", "\n");
      if (log) writeFileSync(log, serial);
      resolve({ wallMs, ...kernelTimes(serial), panic: serial.includes("Kernel panic"), serial });
    });
  });
}

/** Seconds since the kernel started, of the first kernel-log line matching `re`. */
function stamp(kernelLog, re) {
  for (const line of kernelLog.split("\n")) {
    const m = /^\[\s*(\d+\.\d+)\]\s(.*)$/.exec(line);
    if (m && re.test(m[2])) return Number(m[1]);
  }
  return undefined;
}

/** The kernel-clock events of a boot, from the kernel log the root's init printed. */
export function kernelTimes(serial) {
  const begin = serial.indexOf("KERNEL-LOG-BEGIN");
  const end = serial.indexOf("KERNEL-LOG-END");
  const kernelLog = begin < 0 ? "" : serial.slice(begin, end < 0 ? undefined : end);
  return {
    /** The kernel ran the initramfs's /init. */
    init: stamp(kernelLog, /^Run \/init as init process/),
    /** The root disk's driver found it. */
    disk: stamp(kernelLog, /\[vda\]/),
    /** The root filesystem was mounted. */
    mounted: stamp(kernelLog, /^EXT4-fs \((vd\S*|dm-\d+)\): mounted/),
    /** The root's /sbin/init ran: the initramfs's work is done. */
    root: stamp(kernelLog, new RegExp(MARKER)),
  };
}
