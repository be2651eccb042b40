/**
 * Everything a QEMU boot needs from the host, in one call: the tools (a missing one is an
 * error naming its apt package), the cached cloud kernel and the cached busybox-static.
 */
import { performance } from "node:perf_hooks";
import { ensureBusybox, type Busybox } from "./busybox.ts";
import { ensureKernel, type Kernel } from "./kernel.ts";
import { BOOT_TOOLS, requireTools } from "./tools.ts";

/** The host side of the suite, ready to build images and boot. */
export interface QemuHost {
  /** Absolute paths of the tools, by command name ("qemu-system-x86_64", "cpio", …). */
  tools: Record<string, string>;
  kernel: Kernel;
  busybox: Busybox;
  /** How long this setup took, in seconds (a download when the cache was empty). */
  seconds: number;
}

/** Checks the tools and fills the cache when needed; throws with a clear message otherwise. */
export function prepareHost(): QemuHost {
  const start = performance.now();
  const tools = requireTools(BOOT_TOOLS);
  const kernel = ensureKernel(tools.depmod!);
  const busybox = ensureBusybox(tools.busybox!);
  return { tools, kernel, busybox, seconds: (performance.now() - start) / 1000 };
}
