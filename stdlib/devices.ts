import { captureQuiet, exists, isBlockDevice, listDir, readFile, sleep, toInteger, type DevicePath, type DeviceSpec } from "../dsl/index.ts";
import { log } from "./log.ts";

/** Where the kernel lists block devices, one directory (a link) each. */
const SYS_BLOCK = "/sys/class/block";

/** The value of `KEY=` in a sysfs uevent file (`DEVTYPE`, `PARTNAME` …), or undefined. */
function ueventField(path: string, key: string): string | undefined {
  const text = readFile(`${path}/uevent`);
  if (text === undefined) return undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith(`${key}=`)) return line.slice(key.length + 1);
  }
  return undefined;
}

/** The partitions the kernel knows now, by name (`vda1`): from sysfs, no fork. */
function partitions(): string[] {
  const out: string[] = [];
  for (const name of listDir(SYS_BLOCK)) {
    if (ueventField(`${SYS_BLOCK}/${name}`, "DEVTYPE") === "partition") out.push(name);
  }
  return out;
}

/** Hex digits, lower case, for reading `od -t x1` output and writing PARTUUIDs. */
const HEX = "0123456789abcdef";

/** The bytes of a device from `offset` on, as `od` prints them: two lower-case hex digits each. */
function readBytes(device: string, offset: number, count: number): string[] {
  const dump = captureQuiet("od", "-A", "n", "-t", "x1", "-v", "-j", `${offset}`, "-N", `${count}`, device);
  const out: string[] = [];
  if (dump === undefined) return out;
  for (const b of dump.replaceAll("\n", " ").split(" ")) {
    if (b !== "") out.push(b);
  }
  return out;
}

/** The little-endian number in `count` bytes from `from` (at most 4: 32 bits). */
function littleEndian(bytes: string[], from: number, count: number): number {
  let n = 0;
  for (let i = from + count - 1; i >= from; i--) {
    const b = bytes[i] ?? "00";
    n = n * 256 + HEX.indexOf(b.slice(0, 1)) * 16 + HEX.indexOf(b.slice(1));
  }
  return n;
}

/** `bytes[i]` for each index, joined: the hex text of a field, in the order given. */
function hexOf(bytes: string[], indices: number[]): string {
  let out = "";
  for (const i of indices) out += bytes[i] ?? "";
  return out;
}

/**
 * The PARTUUID the kernel gives partition `number` of `disk`, read from its partition table
 * with busybox `od` (two forks): a GPT partition's unique GUID, or for an MBR (DOS) table
 * `SSSSSSSS-NN`, the disk signature and the partition number in hex. Undefined when the disk
 * has neither table or cannot be read.
 */
function partitionTableUuid(disk: string, number: number): string | undefined {
  const sectorText = readFile(`${SYS_BLOCK}/${disk}/queue/logical_block_size`);
  const sector = toInteger(sectorText ?? "512") ?? 512;
  const device = `/dev/${disk}`;
  const header = readBytes(device, sector, 92);
  // "EFI PART", then the table: entries from LBA (byte 72), how many (80), each so long (84).
  if (hexOf(header, [0, 1, 2, 3, 4, 5, 6, 7]) === "4546492050415254") {
    if (hexOf(header, [76, 77, 78, 79]) !== "00000000" || number > littleEndian(header, 80, 4)) return undefined;
    const entry = littleEndian(header, 72, 4) * sector + (number - 1) * littleEndian(header, 84, 4);
    const guid = readBytes(device, entry + 16, 16);
    if (guid.length !== 16) return undefined;
    // The first three fields of a GUID are stored little-endian.
    return `${hexOf(guid, [3, 2, 1, 0])}-${hexOf(guid, [5, 4])}-${hexOf(guid, [7, 6])}-${hexOf(guid, [8, 9])}-${hexOf(guid, [10, 11, 12, 13, 14, 15])}`;
  }
  const mbr = readBytes(device, 440, 72);
  if (hexOf(mbr, [70, 71]) !== "55aa" || number > 255) return undefined;
  return `${hexOf(mbr, [3, 2, 1, 0])}-${HEX.slice(Math.floor(number / 16), Math.floor(number / 16) + 1)}${HEX.slice(number % 16, (number % 16) + 1)}`;
}

/** PARTUUIDs already read, by partition name: a partition table is read once per boot. */
const knownPartitions: string[] = [];
const knownUuids: string[] = [];

/** The PARTUUID of a partition (`vda1`), or undefined. */
function partitionUuid(name: string): string | undefined {
  for (let i = 0; i < knownPartitions.length; i++) {
    if (knownPartitions[i] === name) return knownUuids[i];
  }
  const number = toInteger(readFile(`${SYS_BLOCK}/${name}/partition`) ?? "");
  // A partition's `..` in sysfs is its disk.
  const disk = ueventField(`${SYS_BLOCK}/${name}/..`, "DEVNAME");
  if (number === undefined || disk === undefined) return undefined;
  const uuid = partitionTableUuid(disk, number);
  if (uuid !== undefined) {
    knownPartitions.push(name);
    knownUuids.push(uuid);
  }
  return uuid;
}

/** `s` with A–F as a–f: PARTUUIDs compare without regard to case, as the kernel's root= does. */
function lowerHex(s: string): string {
  return s.replaceAll("A", "a").replaceAll("B", "b").replaceAll("C", "c").replaceAll("D", "d").replaceAll("E", "e").replaceAll("F", "f");
}

/** The partition a `PARTUUID=` or `PARTLABEL=` spec names, when present now. */
function findPartition(tag: "PARTUUID" | "PARTLABEL", value: string): DevicePath | undefined {
  const wanted = tag === "PARTUUID" ? lowerHex(value) : value;
  for (const name of partitions()) {
    // The kernel shows a GPT partition's name as PARTNAME (bytes outside ASCII as "!").
    const have = tag === "PARTUUID" ? partitionUuid(name) : ueventField(`${SYS_BLOCK}/${name}`, "PARTNAME");
    if (have === wanted && isBlockDevice(`/dev/${name}`)) return `/dev/${name}`;
  }
  return undefined;
}

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
 * The /dev path of a device that is present now, or `undefined`, with nothing but busybox:
 * a `/dev/…` spec is tested directly (no fork); `LABEL=` and `UUID=` are looked up with
 * busybox `findfs`; `PARTLABEL=` is the GPT name the kernel shows in sysfs (no fork);
 * `PARTUUID=` is read from the disk's GPT or MBR partition table with busybox `od`, once per
 * partition (the kernel's `SSSSSSSS-NN` for MBR; either case).
 */
export function resolveDevice(spec: DeviceSpec): DevicePath | undefined {
  if (spec.startsWith("/dev/")) return isBlockDevice(spec) ? (spec as DevicePath) : undefined;
  if (spec.startsWith("PARTUUID=")) return findPartition("PARTUUID", spec.slice(9));
  if (spec.startsWith("PARTLABEL=")) return findPartition("PARTLABEL", spec.slice(10));
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
