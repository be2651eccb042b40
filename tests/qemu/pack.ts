/**
 * The boot suites' images, made by `initsh pack` (compiler/pack/) for the cached cloud kernel
 * and busybox-static: what a user gets, not a test-only packer.
 */
import { join } from "node:path";
import { buildImage, writeImage, type BuiltImage, type ImageOptions } from "../../compiler/pack/index.ts";
import type { CompiledInit } from "./compile.ts";
import type { QemuHost } from "./setup.ts";

/** Packs a compiled init for the suite's kernel into `out`; returns the image's size in bytes. */
export function packForBoot(host: QemuHost, init: CompiledInit, out: string, options: ImageOptions = {}): number {
  return packImage(host, init, out, options).bytes.length;
}

/** {@link packForBoot}, returning the whole image (its files, each with why, and pack's warnings). */
export function packImage(host: QemuHost, init: CompiledInit, out: string, options: ImageOptions = {}): BuiltImage {
  const image = buildImage(init.script, init.manifest, {
    kernelVersion: host.kernel.version,
    modulesDir: join(host.kernel.modulesRoot, "lib", "modules", host.kernel.version),
    busybox: host.busybox.binary,
    ...options,
  });
  writeImage(out, image.bytes);
  return image;
}
