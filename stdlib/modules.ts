import { callSite, run } from "../dsl/index.ts";
import { log } from "./log.ts";

/**
 * Loads kernel modules with their dependencies (`modprobe`), one after another.
 *
 * @returns whether every module loaded; each one that did not is named on the console.
 * @fallible
 * @kernelModules
 * @example
 * modprobe("virtio_pci", "virtio_blk") || rescueShell("no virtio disk driver");
 */
export function modprobe(...modules: string[]): boolean {
  let ok = true;
  for (const name of modules) {
    if (!run("modprobe", name)) {
      log.fail(`${callSite()}: modprobe ${name} failed`);
      ok = false;
    }
  }
  return ok;
}
