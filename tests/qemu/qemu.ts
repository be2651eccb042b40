/**
 * One QEMU boot under TCG (KVM is unusable on these machines), the serial console written to
 * a file. QEMU's exit status says nothing about the guest (it is 0 after a kernel panic too):
 * judge the log with verdict.ts.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** A machine to boot. */
export interface BootSpec {
  /** Paths of the tools: qemu-system-x86_64 and timeout. */
  tools: Record<string, string>;
  vmlinuz: string;
  initrd: string;
  /** Raw disk image attached as the first virtio disk (/dev/vda). */
  disk: string;
  /** Kernel parameters after `console=ttyS0 panic=-1 quiet`. */
  append: string;
  /** Where the serial console (QEMU's stdout and stderr) goes. */
  log: string;
  /** Seconds before the boot is killed (default 120). */
  timeoutSeconds?: number;
}

/** How a boot ended. */
export interface BootRun {
  /** The serial console, line ends normalised to \n. */
  log: string;
  /** Wall time from starting QEMU to its exit, in seconds. */
  seconds: number;
  /** QEMU's exit status (124 or 137: killed by the timeout). */
  status: number | null;
  /** Whether the timeout ended it. */
  timedOut: boolean;
}

/** Boots the machine and waits for QEMU to exit (it does when the guest powers off). */
export async function bootQemu(spec: BootSpec): Promise<BootRun> {
  const timeout = spec.timeoutSeconds ?? 120;
  const args = [
    "-k", "5", String(timeout),
    spec.tools["qemu-system-x86_64"]!,
    "-accel", "tcg", "-m", "512", "-nographic", "-no-reboot",
    "-kernel", spec.vmlinuz,
    "-initrd", spec.initrd,
    "-append", `console=ttyS0 panic=-1 quiet ${spec.append}`,
    "-drive", `file=${spec.disk},format=raw,if=virtio`,
  ];
  const out = openSync(spec.log, "w");
  const start = performance.now();
  let status: number | null;
  try {
    status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(spec.tools.timeout!, args, { stdio: ["ignore", out, out] });
      child.on("error", reject);
      child.on("exit", (code) => resolve(code));
    });
  } finally {
    closeSync(out);
  }
  const seconds = (performance.now() - start) / 1000;
  const log = readFileSync(spec.log, "utf8").replaceAll("\r\n", "\n").replaceAll("\r", "\n");
  return { log, seconds, status, timedOut: status === 124 || status === 137 };
}
