import { captureQuiet, exists, isBlockDevice, readFile, sleep, type DevicePath, type DeviceSpec } from "../dsl/index.ts";
import { log } from "./log.ts";

/**
 * Reads a device name as the kernel command line writes one: `/dev/sda1`, `UUID=…`,
 * `LABEL=…`, `PARTUUID=…` or `PARTLABEL=…`. Anything else (an empty value, a bare `sda1`) is
 * `undefined`, so a raw string can never reach `mount` unchecked.
 *
 * @example
 * const root = parseDeviceSpec(cmdline.string("root", "")) ?? rescueShell("root= is missing or not a device");
 */
export function parseDeviceSpec(s: string): DeviceSpec | undefined {
  if (s.startsWith("/dev/") && s.length > 5) return s as DeviceSpec;
  for (const tag of ["UUID=", "LABEL=", "PARTUUID=", "PARTLABEL="]) {
    if (s.startsWith(tag) && s.length > tag.length) return s as DeviceSpec;
  }
  return undefined;
}

/**
 * The /dev path of a device that is present now, or `undefined`. A `/dev/…` spec is tested
 * directly (no fork); a tag is looked up with `findfs` (busybox's knows LABEL and UUID;
 * util-linux's also PARTUUID and PARTLABEL).
 */
export function resolveDevice(spec: DeviceSpec): DevicePath | undefined {
  if (spec.startsWith("/dev/")) return isBlockDevice(spec) ? (spec as DevicePath) : undefined;
  const found = captureQuiet("findfs", spec);
  if (found === undefined || !found.startsWith("/dev/") || !exists(found)) return undefined;
  return found as DevicePath;
}

/** The block devices the kernel knows now, from /proc/partitions (no fork). */
export function blockDevices(): DevicePath[] {
  const out: DevicePath[] = [];
  const table = readFile("/proc/partitions");
  if (table === undefined) return out;
  for (const line of table.split("\n")) {
    const fields: string[] = [];
    for (const f of line.split(" ")) {
      if (f !== "") fields.push(f);
    }
    const name = fields[3];
    if (name !== undefined && name !== "name") out.push(`/dev/${name}`);
  }
  return out;
}

/**
 * Waits until a device is present and returns its /dev path, looking every 0.1 s for up to
 * `timeoutSeconds`. On timeout it prints the block devices it did see and returns
 * `undefined`.
 *
 * @fallible
 * @example
 * const dev = waitForDevice(root, 10) ?? rescueShell(`${root} did not appear`);
 */
export function waitForDevice(spec: DeviceSpec, timeoutSeconds: number): DevicePath | undefined {
  const tries = timeoutSeconds * 10; // one look every 0.1 s
  for (let i = 0; i <= tries; i++) {
    const found = resolveDevice(spec);
    if (found !== undefined) return found;
    if (i === 0) log.info(`Waiting up to ${timeoutSeconds}s for ${spec}...`);
    if (i < tries) sleep(0.1);
  }
  const seen = blockDevices();
  log.fail(`${spec} did not appear within ${timeoutSeconds}s`);
  log.info(seen.length === 0 ? "No block devices were found." : `Block devices found: ${seen.join(" ")}`);
  return undefined;
}
