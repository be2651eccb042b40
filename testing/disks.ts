/**
 * Disks and partitions as the kernel shows them: partition names and the disk they belong to,
 * device numbers, the layout of the partitions on their disk, the partition table a disk
 * image holds (GPT, or an MBR for SSSSSSSS-PP PARTUUIDs), the PARTNAME the kernel derives from
 * a GPT partition name, and each block device's sysfs entries.
 */
import { createHash } from "node:crypto";
import { closeSync, ftruncateSync, openSync, writeSync } from "node:fs";

/** Bytes per sector (the disks' queue/logical_block_size). */
export const SECTOR = 512;
/** Partitions start on 1 MiB boundaries, as fdisk and sgdisk place them. */
const ALIGN = 2048;
/** Sectors a GPT needs at the end of the disk (backup entries and header). */
const GPT_TAIL = 33;
/** Where the physical block devices sit in sysfs (/sys/devices/…). */
export const SYSFS_DEVICES = "devices/platform/initsh-sim/block";

/** How a device name splits into its disk and partition number, or undefined for a whole disk. */
export function partitionOf(name: string): { disk: string; partn: number } | undefined {
  const lettered = /^((?:sd|vd|hd|xvd)[a-z]+)(\d+)$/.exec(name);
  if (lettered) return { disk: lettered[1]!, partn: Number(lettered[2]) };
  const numbered = /^((?:nvme\d+n\d+)|(?:mmcblk\d+))p(\d+)$/.exec(name);
  if (numbered) return { disk: numbered[1]!, partn: Number(numbered[2]) };
  return undefined;
}

/** Index of a disk letter group: a = 0 … z = 25, aa = 26 … (the kernel's sd naming). */
function letterIndex(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 96);
  return n - 1;
}

/**
 * The device numbers of a disk or partition the way the kernel gives them: 16 minors per
 * lettered disk (sd on 8, 65…; vd on 254; hd on 3; xvd on 202), 8 per mmcblk (179), the
 * extended major 259 in order of appearance for NVMe, sr on 11, anything else 240 in order.
 */
export function deviceNumbers(name: string, next: (major: number) => number): { major: number; minor: number } {
  const part = partitionOf(name);
  const disk = part?.disk ?? name;
  const partn = part?.partn ?? 0;
  const lettered = /^(sd|vd|hd|xvd)([a-z]+)$/.exec(disk);
  if (lettered) {
    const index = letterIndex(lettered[2]!);
    if (lettered[1] === "sd") {
      const group = index >> 4;
      const major = group === 0 ? 8 : group < 8 ? 64 + group : 128 + group - 8;
      return { major, minor: (index & 15) * 16 + partn };
    }
    const major = { vd: 254, hd: 3, xvd: 202 }[lettered[1] as "vd" | "hd" | "xvd"];
    return { major, minor: index * 16 + partn };
  }
  const mmc = /^mmcblk(\d+)$/.exec(disk);
  if (mmc && partn < 8) return { major: 179, minor: Number(mmc[1]) * 8 + partn };
  const numbered = /^(sr|md)(\d+)$/.exec(name);
  if (numbered) return { major: { sr: 11, md: 9 }[numbered[1] as "sr" | "md"], minor: Number(numbered[2]) };
  if (/^nvme/.test(name) || mmc) return { major: 259, minor: next(259) };
  return { major: 240, minor: next(240) };
}

/** The highest partition number a disk of this name can have with its own minors (GPT allows 128). */
export function maxPartitions(disk: string): number {
  if (/^(sd|vd|hd|xvd)[a-z]+$/.test(disk)) return 15;
  return 128;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MBR_PARTUUID = /^([0-9a-f]{8})-([0-9a-f]{2})$/i;

/** What a partuuid says about its disk's partition table. */
export type PartuuidForm = { table: "gpt"; guid: string } | { table: "mbr"; signature: string; partn: number };

/** Reads a partuuid: a GPT GUID, or an MBR `SSSSSSSS-PP`; undefined when it is neither. */
export function parsePartuuid(value: string): PartuuidForm | undefined {
  if (GUID.test(value)) return { table: "gpt", guid: value.toLowerCase() };
  const mbr = MBR_PARTUUID.exec(value);
  if (mbr) return { table: "mbr", signature: mbr[1]!.toLowerCase(), partn: parseInt(mbr[2]!, 16) };
  return undefined;
}

/** The UTF-16 code units of a string (what a GPT partition name holds). */
export function utf16Units(text: string): number[] {
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  return units;
}

/**
 * The kernel's PARTNAME for a GPT partition name (block/partitions/efi.c, utf16_le_to_7bit):
 * each UTF-16 unit keeps its low 7 bits; a NUL ends the name; anything not printable becomes `!`.
 */
export function kernelPartname(label: string): string {
  let out = "";
  for (const unit of utf16Units(label).slice(0, 36)) {
    const c = unit & 0x7f;
    if (c === 0) break;
    out += c < 0x20 || c === 0x7f ? "!" : String.fromCharCode(c);
  }
  return out;
}

/** A deterministic GUID (version 4 layout) for a name: disk GUIDs and missing partuuids. */
export function derivedGuid(seed: string): string {
  const b = createHash("sha256").update(`initsh-sim:${seed}`).digest();
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** One partition of a disk's table. */
export interface TablePartition {
  /** Partition number (1-based). */
  partn: number;
  /** First sector. */
  start: number;
  /** Length in sectors. */
  size: number;
  /** Filesystem type (blkid's TYPE), for the partition type. */
  type: string;
  /** GPT: the unique partition GUID; MBR: unused. */
  guid: string;
  /** GPT partition name. */
  name: string;
}

/** A disk's partition table. */
export type PartitionTable =
  | { kind: "gpt"; diskGuid: string; partitions: TablePartition[] }
  | { kind: "mbr"; signature: string; partitions: TablePartition[] };

/** Places partitions (number, size in sectors) one after another, each on a 1 MiB boundary. */
export function layout(parts: { partn: number; size: number }[]): { partn: number; start: number; size: number }[] {
  let next = ALIGN;
  return [...parts]
    .sort((a, b) => a.partn - b.partn)
    .map((p) => {
      const start = Math.ceil(next / ALIGN) * ALIGN;
      next = start + p.size;
      return { partn: p.partn, start, size: p.size };
    });
}

/** The smallest disk (in sectors) that holds these partitions and a GPT's tail, plus 1 MiB spare. */
export function diskSectorsFor(parts: { start: number; size: number }[]): number {
  const end = parts.reduce((max, p) => Math.max(max, p.start + p.size), ALIGN);
  return Math.ceil(end / ALIGN) * ALIGN + ALIGN;
}

/** The sectors a table needs at least on a disk with these partitions. */
export function minimumSectors(table: "gpt" | "mbr", parts: { start: number; size: number }[]): number {
  const end = parts.reduce((max, p) => Math.max(max, p.start + p.size), 1);
  return table === "gpt" ? end + GPT_TAIL : end;
}

const GPT_TYPES: Record<string, string> = {
  swap: "0657fd6d-a4ab-43c4-84e5-0933c84b4f4f",
  LVM2_member: "e6d6d379-f507-44c2-a23c-238f2a3df928",
  linux_raid_member: "a19d880f-05fc-4d3b-a006-743f0f84911e",
  crypto_LUKS: "ca7d7ccb-63ed-4c53-861c-1742536059cc",
  vfat: "c12a7328-f81f-11d2-ba4b-00a0c93ec93b",
  ntfs: "ebd0a0a2-b9e5-4433-87c0-68b6b72699c7",
  exfat: "ebd0a0a2-b9e5-4433-87c0-68b6b72699c7",
};
const LINUX_DATA = "0fc63daf-8483-4772-8e79-3d69d8477de4";
const MBR_TYPES: Record<string, number> = { swap: 0x82, LVM2_member: 0x8e, linux_raid_member: 0xfd, crypto_LUKS: 0xe8, vfat: 0x0c, ntfs: 0x07, exfat: 0x07 };

/** A GUID's 16 bytes as GPT stores them (first three fields little-endian). */
function guidBytes(guid: string): Buffer {
  const h = guid.replaceAll("-", "");
  const b = Buffer.from(h, "hex");
  return Buffer.concat([Buffer.from(b.subarray(0, 4)).reverse(), Buffer.from(b.subarray(4, 6)).reverse(), Buffer.from(b.subarray(6, 8)).reverse(), b.subarray(8, 16)]);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as GPT headers use. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chs(lba: number): Buffer {
  const heads = 255;
  const sectors = 63;
  let c = Math.floor(lba / (heads * sectors));
  let h = Math.floor(lba / sectors) % heads;
  let s = (lba % sectors) + 1;
  if (c > 1023) [c, h, s] = [1023, 254, 63];
  return Buffer.from([h, (s & 0x3f) | ((c >> 2) & 0xc0), c & 0xff]);
}

function mbrEntry(status: number, type: number, start: number, size: number): Buffer {
  const e = Buffer.alloc(16);
  e[0] = status;
  chs(start).copy(e, 1);
  e[4] = type;
  chs(start + size - 1).copy(e, 5);
  e.writeUInt32LE(start, 8);
  e.writeUInt32LE(size, 12);
  return e;
}

/**
 * The regions of a disk image that are not zero: offset in bytes → contents. A GPT writes a
 * protective MBR, the header at LBA 1 with its 128 entries of 128 bytes from LBA 2, and the
 * backup entries and header at the end; an MBR writes the boot sector with the disk signature.
 */
export function tableRegions(table: PartitionTable, sectors: number): { offset: number; data: Buffer }[] {
  if (table.kind === "mbr") {
    const mbr = Buffer.alloc(SECTOR);
    mbr.writeUInt32LE(parseInt(table.signature, 16), 440);
    for (const p of table.partitions) mbrEntry(0, MBR_TYPES[p.type] ?? 0x83, p.start, p.size).copy(mbr, 446 + 16 * (p.partn - 1));
    mbr[510] = 0x55;
    mbr[511] = 0xaa;
    return [{ offset: 0, data: mbr }];
  }
  const last = sectors - 1;
  const entries = Buffer.alloc(128 * 128);
  for (const p of table.partitions) {
    const e = entries.subarray((p.partn - 1) * 128, p.partn * 128);
    guidBytes(GPT_TYPES[p.type] ?? LINUX_DATA).copy(e, 0);
    guidBytes(p.guid).copy(e, 16);
    e.writeBigUInt64LE(BigInt(p.start), 32);
    e.writeBigUInt64LE(BigInt(p.start + p.size - 1), 40);
    utf16Units(p.name).slice(0, 36).forEach((u, i) => e.writeUInt16LE(u, 56 + 2 * i));
  }
  const entriesCrc = crc32(entries);
  const header = (my: number, alternate: number, entriesLba: number): Buffer => {
    const h = Buffer.alloc(SECTOR);
    h.write("EFI PART", 0, "latin1");
    h.writeUInt32LE(0x00010000, 8);
    h.writeUInt32LE(92, 12);
    h.writeBigUInt64LE(BigInt(my), 24);
    h.writeBigUInt64LE(BigInt(alternate), 32);
    h.writeBigUInt64LE(34n, 40);
    h.writeBigUInt64LE(BigInt(last - GPT_TAIL), 48);
    guidBytes(table.diskGuid).copy(h, 56);
    h.writeBigUInt64LE(BigInt(entriesLba), 72);
    h.writeUInt32LE(128, 80);
    h.writeUInt32LE(128, 84);
    h.writeUInt32LE(entriesCrc, 88);
    h.writeUInt32LE(crc32(h.subarray(0, 92)), 16);
    return h;
  };
  const pmbr = Buffer.alloc(SECTOR);
  mbrEntry(0, 0xee, 1, Math.min(sectors - 1, 0xffffffff)).copy(pmbr, 446);
  pmbr[510] = 0x55;
  pmbr[511] = 0xaa;
  return [
    { offset: 0, data: Buffer.concat([pmbr, header(1, last, 2), entries]) },
    { offset: (last - 32) * SECTOR, data: Buffer.concat([entries, header(last, 1, last - 32)]) },
  ];
}

/** Writes a sparse disk image of `sectors` sectors holding `table` (or nothing but zeros). */
export function writeDiskImage(path: string, sectors: number, table: PartitionTable | undefined): void {
  const fd = openSync(path, "w", 0o644);
  try {
    for (const region of table ? tableRegions(table, sectors) : []) writeSync(fd, region.data, 0, region.data.length, region.offset);
    ftruncateSync(fd, sectors * SECTOR);
  } finally {
    closeSync(fd);
  }
}

/** One entry of a device's sysfs tree, relative to /sys. */
export type SysfsEntry = { path: string; file: string } | { path: string; link: string } | { path: string; dir: true };

/** What sysfs needs to know about a physical disk or partition. */
export interface SysfsDevice {
  /** Kernel name, e.g. vda or vda1. */
  name: string;
  major: number;
  minor: number;
  /** Size in sectors. */
  sectors: number;
  /** The disk sequence number (of the disk, for a partition). */
  diskseq: number;
  /** For a partition: its disk's name, number, first sector and PARTNAME. */
  partition?: { disk: string; partn: number; start: number; partname: string };
}

/**
 * The sysfs entries of a physical disk or partition, as the kernel lays them out: a directory
 * under /sys/devices (a partition's inside its disk's, so `/sys/class/block/vda1/..` is the
 * disk), links from /sys/class/block, /sys/block (disks) and /sys/dev/block, and the files
 * dev, uevent, size, ro, removable and queue/*_block_size (disk), or dev, uevent, partition,
 * start, size and ro (partition).
 */
export function sysfsEntries(d: SysfsDevice): SysfsEntry[] {
  const dir = d.partition ? `${SYSFS_DEVICES}/${d.partition.disk}/${d.name}` : `${SYSFS_DEVICES}/${d.name}`;
  const dev = `${d.major}:${d.minor}`;
  const uevent = [
    `MAJOR=${d.major}`,
    `MINOR=${d.minor}`,
    `DEVNAME=${d.name}`,
    `DEVTYPE=${d.partition ? "partition" : "disk"}`,
    `DISKSEQ=${d.diskseq}`,
    ...(d.partition ? [`PARTN=${d.partition.partn}`, ...(d.partition.partname ? [`PARTNAME=${d.partition.partname}`] : [])] : []),
  ];
  const entries: SysfsEntry[] = [
    { path: dir, dir: true },
    { path: `${dir}/dev`, file: `${dev}\n` },
    { path: `${dir}/uevent`, file: `${uevent.join("\n")}\n` },
    { path: `${dir}/size`, file: `${d.sectors}\n` },
    { path: `${dir}/ro`, file: "0\n" },
    { path: `class/block/${d.name}`, link: `../../${dir}` },
    { path: `dev/block/${dev}`, link: `../../${dir}` },
  ];
  if (d.partition) {
    entries.push({ path: `${dir}/partition`, file: `${d.partition.partn}\n` }, { path: `${dir}/start`, file: `${d.partition.start}\n` });
  } else {
    entries.push(
      { path: `${dir}/removable`, file: "0\n" },
      { path: `${dir}/queue/logical_block_size`, file: `${SECTOR}\n` },
      { path: `${dir}/queue/physical_block_size`, file: `${SECTOR}\n` },
      { path: `block/${d.name}`, link: `../${dir}` },
    );
  }
  return entries;
}
