/**
 * Checks a scenario (it may come from JSON) and turns it into the machine model: every
 * device that can ever exist gets an index, a path (when known in advance), its
 * /proc/partitions name and numbers, and its blkid attributes.
 */
import type { FileSpec, Filesystem, Scenario } from "./types.ts";
import { RAID_LEVELS, levelInfo, raidGeometry, type RaidGeometry, type RaidLevel } from "./mdraid.ts";
import { SHIM_NAMES, UTIL_LINUX_ONLY, isCommandName } from "./shimNames.ts";
import {
  deviceNumbers,
  derivedGuid,
  diskSectorsFor,
  kernelPartname,
  layout,
  maxPartitions,
  minimumSectors,
  parsePartuuid,
  partitionOf,
  sysfsEntries,
  utf16Units,
  type PartitionTable,
  type SysfsEntry,
} from "./disks.ts";

/** blkid attributes of a device, by blkid tag. */
export interface DeviceAttrs {
  /** Filesystem label ("" when none). */
  LABEL: string;
  /** Filesystem (or LUKS header) UUID. */
  UUID: string;
  /** Filesystem type. */
  TYPE: string;
  /** GPT partition label. */
  PARTLABEL: string;
  /** GPT partition UUID. */
  PARTUUID: string;
}

/** One device of the model. */
export interface DeviceRecord {
  /** Index in the generated sim_dev table. */
  idx: number;
  /** What makes it exist. */
  kind: "disk" | "luks" | "lv" | "md" | "dmraid" | "image";
  /** Its path when fixed in advance (a LUKS mapping's and a loop device's are chosen at run time). */
  path: string;
  /** Other paths of the same device (/dev/VG/LV). */
  aliases: string[];
  /** Its /proc/partitions name; "dm" when it gets the next dm-N at run time; "" when chosen at run time. */
  part: string;
  /** Device major number (253 for device-mapper, given at run time with the minor). */
  major: number;
  /** Device minor number. */
  minor: number;
  /** Size in 1 KiB blocks, for /proc/partitions. */
  blocks: number;
  /** What blkid reports. */
  attrs: DeviceAttrs;
  /** For a LUKS container: the index of its contents (the /dev/mapper device). */
  luksContents?: number;
  /** What its filesystem holds, seen at a mount point while it is mounted (undefined: not modelled). */
  contents?: Map<string, FileSpec>;
  /** For a LUKS container: the passphrases. */
  keys?: string[];
  /** For a disk: virtual microseconds after which it appears; undefined = present from the start. */
  appearsAfterUs?: number;
  /** For a disk or partition from `devices`: what the kernel calls it. */
  devtype?: "disk" | "partition";
  /** For a disk: the path of its image in the fake root (read by od, hexdump, dd …). */
  image?: string;
  /** For a disk: its size in sectors, and its partition table (none when it has no partitions). */
  sectors?: number;
  table?: PartitionTable;
  /** For a disk or partition: its sysfs entries (relative to /sys). */
  sysfs?: SysfsEntry[];
}

/** A command override, checked. */
export interface OverrideRule {
  /** The argv (exact) or argv prefix to match. */
  match: string[];
  /** Whether `match` is the whole argv. */
  exact: boolean;
  /** Exit status. */
  exit: number;
  /** Printed on standard output. */
  stdout: string;
  /** Printed on standard error. */
  stderr: string;
  /** 0 = every matching call. */
  times: number;
}

/** The machine a scenario describes, ready to be written out. */
export interface MachineModel {
  /** Every device that can ever exist, by index. */
  devices: DeviceRecord[];
  /** Indices of the disks present from the start, in scenario order. */
  initial: number[];
  /** Disks that appear later, by time. */
  schedule: { idx: number; us: number }[];
  /** Volume groups: their PV paths and their LVs' device indices. */
  volumeGroups: { name: string; pvs: string[]; lvs: { idx: number; name: string }[] }[];
  /** md arrays: device index, path, member paths (in role order), geometry. */
  raidArrays: { idx: number; path: string; members: string[]; geometry: RaidGeometry }[];
  /** dmraid sets: device index, member paths. */
  dmraidSets: { idx: number; members: string[] }[];
  /** Loop-attachable images: absolute path → device index. */
  images: Map<string, number>;
  /** Missing modules, `-` turned into `_`. */
  missingModules: string[];
  /** Command overrides, in order. */
  overrides: OverrideRule[];
  /** Every command name that gets a shim. */
  shims: string[];
  /** The kernel command line. */
  cmdline: string;
  /** Console input lines. */
  console: string[];
  /** Files to create: absolute path → contents. */
  files: Map<string, FileSpec>;
  /** Directories to create. */
  dirs: string[];
  /** Extra environment of the init. */
  env: [string, string][];
  /** How many times the rescue shell exits before the run ends. */
  rescueShellExits: number;
  /** Wall-clock limit in milliseconds. */
  timeoutMs: number;
  /** The shell that runs the init. */
  shell: "dash" | "busybox";
  /** Whether the image carries util-linux (blkid, findfs and losetup are util-linux's). */
  utilLinux: boolean;
  /** /proc/meminfo's MemTotal, MemFree and MemAvailable, in kB. */
  memory: { totalKb: number; freeKb: number; availableKb: number };
  /** Commands that are the real busybox-static applet (not traced): for conformance tests. */
  realApplets: string[];
}

/** /proc/meminfo of the QEMU boot the defaults come from (-m 512, Debian's 6.1 kernel). */
export const DEFAULT_MEMORY = { totalKb: 481272, freeKb: 451104, availableKb: 451064 };

/**
 * Filesystem types busybox's volume_id recognises (util-linux/volume_id/*.c in 1.35): only
 * devices of these types are found by busybox findfs and mount's LABEL=/UUID=.
 */
export const VOLUME_ID_TYPES = new Set([
  "bcache", "btrfs", "cramfs", "erofs", "exfat", "ext2", "ext3", "ext4", "f2fs", "vfat", "hfs", "hfsplus", "iso9660",
  "jfs", "linux_raid_member", "swap", "crypto_LUKS", "minix", "nilfs2", "ntfs", "ocfs2", "reiserfs", "romfs",
  "squashfs", "sysv", "xenix", "ubifs", "udf", "xfs",
]);

/** The default wall-clock limit of a run. */
export const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_BLOCKS = 1048576;

class ScenarioError extends Error {}

function fail(where: string, message: string): never {
  throw new ScenarioError(`initsh simulate: invalid scenario: ${where}: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown, where: string, opts: { line?: boolean } = {}): string {
  if (typeof value !== "string") fail(where, "must be a string");
  if (value.includes("\0")) fail(where, "must not contain NUL bytes");
  if (opts.line && value.includes("\n")) fail(where, "must not contain newlines");
  return value;
}

function optStr(value: unknown, where: string): string {
  return value === undefined ? "" : str(value, where, { line: true });
}

function strArray(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) fail(where, "must be an array of strings");
  return value.map((v, i) => str(v, `${where}[${i}]`));
}

function list<T>(value: unknown, where: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(where, "must be an array");
  return value as T[];
}

function nonNegative(value: unknown, where: string, integer: boolean): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    fail(where, integer ? "must be a non-negative integer" : "must be a non-negative number");
  }
  return value;
}

const DEVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+:-]*$/;
const LVM_NAME = /^[A-Za-z0-9+_.][A-Za-z0-9+_.-]*$/;
const DEV_PATH = /^\/dev\/[A-Za-z0-9._+:@/-]+$/;

function attrs(fs: Filesystem | undefined, where: string, extra: Partial<DeviceAttrs> = {}, typeOf?: string): DeviceAttrs {
  const f: Record<string, unknown> = isRecord(fs) ? fs : {};
  if (fs !== undefined && !isRecord(fs)) fail(where, "must be an object");
  const a = {
    LABEL: optStr(f.label, `${where}.label`),
    UUID: optStr(f.uuid, `${where}.uuid`),
    TYPE: typeOf ?? optStr(f.type, `${where}.type`),
    PARTLABEL: "",
    PARTUUID: "",
    ...extra,
  };
  // A label or UUID belongs to a filesystem (or a LUKS header, a swap area …): without a type
  // nothing on the device could carry it, and findfs, mount and blkid would disagree about it.
  for (const tag of ["LABEL", "UUID"] as const) {
    if (a[tag] !== "" && a.TYPE === "") fail(`${where}.${tag.toLowerCase()}`, `needs a filesystem type (type: "ext4", "vfat", "swap" …): a ${tag.toLowerCase()} is part of a filesystem`);
  }
  return a;
}

interface DiskContext {
  add: (record: Omit<DeviceRecord, "idx">) => DeviceRecord;
  claimPath: (path: string, where: string) => void;
  nextMinor: (major: number) => number;
  initial: number[];
  schedule: { idx: number; us: number }[];
}

/** One entry of `devices`, read. */
interface DeviceEntry {
  where: string;
  d: Record<string, unknown>;
  name: string;
  us: number;
  part?: { disk: string; partn: number };
}

/**
 * Reads `devices`: whole disks and partitions. A partition (vda1, sda2, nvme0n1p1,
 * mmcblk0p2) implies its disk, which is present with its first partition (a disk the
 * scenario lists itself must not appear after its partitions). The partitions are laid out
 * on their disk, whose image holds their table: a GPT (partuuid GUIDs, the default) or an
 * MBR (partuuid SSSSSSSS-PP). Each disk and partition gets the kernel's device numbers and
 * sysfs entries; disks are numbered (DISKSEQ) in order of appearance.
 */
function buildDisks(raw: Record<string, unknown>[], ctx: DiskContext): void {
  const entries: DeviceEntry[] = raw.map((d, i) => {
    const where = `devices[${i}]`;
    if (!isRecord(d)) fail(where, "must be an object");
    const name = str(d.name, `${where}.name`);
    if (!DEVICE_NAME.test(name)) fail(`${where}.name`, `${JSON.stringify(name)} is not a device name (letters, digits and ._+:- only, no /)`);
    ctx.claimPath(`/dev/${name}`, `${where}.name`);
    const us = d.appearsAfter === undefined ? 0 : Math.round(nonNegative(d.appearsAfter, `${where}.appearsAfter`, false) * 1e6);
    const part = partitionOf(name);
    if (part && part.partn === 0) fail(`${where}.name`, `${JSON.stringify(name)}: partition numbers start at 1`);
    return { where, d, name, us, part };
  });
  const partsOf = new Map<string, DeviceEntry[]>();
  for (const e of entries) if (e.part) partsOf.set(e.part.disk, [...(partsOf.get(e.part.disk) ?? []), e]);
  const explicit = new Map(entries.filter((e) => !e.part).map((e) => [e.name, e]));

  // Each partitioned disk: its table, layout and size.
  const disks = new Map<string, { sectors: number; table?: PartitionTable; partuuid: Map<number, string>; start: Map<number, number>; size: Map<number, number>; us: number }>();
  for (const [disk, parts] of partsOf) {
    const own = explicit.get(disk);
    if (own) {
      for (const field of ["type", "label", "uuid", "luks", "partuuid", "partlabel"]) {
        if (own.d[field] !== undefined) fail(`${own.where}.${field}`, `${disk} holds partitions (${parts.map((p) => p.name).join(", ")}): a partition table, not a filesystem`);
      }
    }
    const max = maxPartitions(disk);
    const forms = parts.map((p) => {
      if (p.part!.partn > max) fail(`${p.where}.name`, `${p.name}: ${disk} has partitions 1 to ${max} at most`);
      if (p.d.partuuid === undefined) return undefined;
      const text = optStr(p.d.partuuid, `${p.where}.partuuid`);
      const form = parsePartuuid(text);
      if (!form) {
        fail(
          `${p.where}.partuuid`,
          `${JSON.stringify(text)} is neither a GPT partition GUID (8-4-4-4-12 hex digits) nor an MBR PARTUUID (SSSSSSSS-PP: the disk signature and the partition number, in hex)`,
        );
      }
      if (form.table === "mbr" && form.partn !== p.part!.partn) {
        fail(`${p.where}.partuuid`, `${JSON.stringify(text)} ends in -${text.slice(-2)}, but ${p.name} is partition ${p.part!.partn} (an MBR PARTUUID is the disk signature, a dash and the partition number in hex)`);
      }
      return form;
    });
    const mbr = forms.find((f) => f?.table === "mbr");
    const table = mbr ? "mbr" : "gpt";
    parts.forEach((p, j) => {
      const form = forms[j];
      if (form && form.table !== table) fail(`${p.where}.partuuid`, `${disk} has an ${table.toUpperCase()} (from another partition's partuuid): its partuuids must all have that form`);
      if (form?.table === "mbr" && mbr?.table === "mbr" && form.signature !== mbr.signature) {
        fail(`${p.where}.partuuid`, `${disk}'s MBR has one disk signature: ${mbr.signature}, not ${form.signature}`);
      }
      if (table === "mbr" && p.part!.partn > 4) fail(`${p.where}.name`, `${p.name}: an MBR disk (partuuid SSSSSSSS-PP) has primary partitions 1 to 4 only (logical partitions are not modelled)`);
      if (p.d.partlabel !== undefined) {
        const label = optStr(p.d.partlabel, `${p.where}.partlabel`);
        if (table === "mbr") fail(`${p.where}.partlabel`, `${disk} has an MBR (partuuid SSSSSSSS-PP), which has no partition names: a partlabel needs a GPT`);
        if (utf16Units(label).length > 36) fail(`${p.where}.partlabel`, `${JSON.stringify(label)} is longer than a GPT partition name (36 UTF-16 code units)`);
      }
    });
    const sizes = parts.map((p) => {
      const blocks = p.d.blocks === undefined ? DEFAULT_BLOCKS : nonNegative(p.d.blocks, `${p.where}.blocks`, true);
      if (blocks === 0) fail(`${p.where}.blocks`, "a partition needs at least one block");
      return { partn: p.part!.partn, size: blocks * 2 };
    });
    const placed = layout(sizes);
    let sectors = diskSectorsFor(placed);
    if (own?.d.blocks !== undefined) {
      sectors = nonNegative(own.d.blocks, `${own.where}.blocks`, true) * 2;
      const needed = minimumSectors(table, placed);
      if (sectors < needed) fail(`${own.where}.blocks`, `${disk} is too small for its partitions: it needs at least ${Math.ceil(needed / 2)} blocks`);
    }
    const partuuid = new Map<number, string>();
    const signature = mbr?.table === "mbr" ? mbr.signature : "";
    for (const p of parts) {
      const form = forms[parts.indexOf(p)];
      const n = p.part!.partn;
      partuuid.set(n, table === "mbr" ? `${signature}-${n.toString(16).padStart(2, "0")}` : form?.table === "gpt" ? form.guid : derivedGuid(`${disk}/${n}`));
    }
    const tableParts = placed.map((pl) => {
      const p = parts.find((q) => q.part!.partn === pl.partn)!;
      return { ...pl, type: typeof p.d.type === "string" ? p.d.type : p.d.luks !== undefined ? "crypto_LUKS" : "", guid: partuuid.get(pl.partn)!, name: typeof p.d.partlabel === "string" ? p.d.partlabel : "" };
    });
    const partUs = Math.min(...parts.map((p) => p.us));
    if (own && own.us > partUs) {
      const early = parts.find((p) => p.us === partUs)!;
      fail(`${early.where}.appearsAfter`, `${early.name} cannot appear before its disk ${disk} (${own.where} appears after ${own.us / 1e6} s)`);
    }
    disks.set(disk, {
      sectors,
      table: table === "mbr" ? { kind: "mbr", signature, partitions: tableParts } : { kind: "gpt", diskGuid: derivedGuid(`disk:${disk}`), partitions: tableParts },
      partuuid,
      start: new Map(placed.map((pl) => [pl.partn, pl.start])),
      size: new Map(placed.map((pl) => [pl.partn, pl.size])),
      us: own ? own.us : partUs,
    });
  }

  // Records, a disk before its partitions; the sysfs entries once every disk's DISKSEQ is known.
  const records: { record: DeviceRecord; entry?: DeviceEntry; disk?: string; partn?: number }[] = [];
  const emitted = new Set<string>();
  const emitDisk = (name: string, entry: DeviceEntry | undefined): void => {
    emitted.add(name);
    const partitioned = disks.get(name);
    const d: Record<string, unknown> = entry?.d ?? {};
    const where = entry?.where ?? "devices";
    const blocksGiven = d.blocks === undefined ? DEFAULT_BLOCKS : nonNegative(d.blocks, `${where}.blocks`, true);
    const sectors = partitioned?.sectors ?? blocksGiven * 2;
    if (!entry) ctx.claimPath(`/dev/${name}`, where);
    const record = addDevice(ctx, entry, name, { devtype: "disk", image: `/.sim/img/${name}`, sectors, table: partitioned?.table, blocks: Math.floor(sectors / 2) });
    records.push({ record, entry, disk: name });
    const us = partitioned?.us ?? entry!.us;
    schedule(ctx, record, us);
  };
  for (const e of entries) {
    if (e.part) {
      if (!emitted.has(e.part.disk)) emitDisk(e.part.disk, explicit.get(e.part.disk));
      const disk = disks.get(e.part.disk)!;
      const n = e.part.partn;
      const record = addDevice(ctx, e, e.name, { devtype: "partition", blocks: disk.size.get(n)! / 2 }, disk.partuuid.get(n)!);
      records.push({ record, entry: e, disk: e.part.disk, partn: n });
      schedule(ctx, record, e.us);
    } else if (!emitted.has(e.name)) {
      emitDisk(e.name, e);
    }
  }
  const order = records.filter((r) => r.record.devtype === "disk").sort((a, b) => (a.record.appearsAfterUs ?? 0) - (b.record.appearsAfterUs ?? 0) || a.record.idx - b.record.idx);
  const diskseq = new Map(order.map((r, i) => [r.disk!, i + 1]));
  for (const r of records) {
    const d = r.record;
    const disk = disks.get(r.disk!);
    d.sysfs = sysfsEntries({
      name: d.part,
      major: d.major,
      minor: d.minor,
      sectors: d.devtype === "disk" ? d.sectors! : disk!.size.get(r.partn!)!,
      diskseq: diskseq.get(r.disk!)!,
      partition: d.devtype === "partition" ? { disk: r.disk!, partn: r.partn!, start: disk!.start.get(r.partn!)!, partname: kernelPartname(d.attrs.PARTLABEL) } : undefined,
    });
  }
}

/** Adds the record of a disk or partition (and of its LUKS contents). */
function addDevice(
  ctx: DiskContext,
  entry: DeviceEntry | undefined,
  name: string,
  extra: Pick<DeviceRecord, "devtype" | "blocks"> & Partial<Pick<DeviceRecord, "image" | "sectors" | "table">>,
  partuuid = "",
): DeviceRecord {
  const d: Record<string, unknown> = entry?.d ?? {};
  const where = entry?.where ?? "devices";
  if (extra.devtype === "disk") {
    for (const field of ["partuuid", "partlabel"]) {
      if (d[field] !== undefined) fail(`${where}.${field}`, `${name} is not a partition (partitions are named like vda1, sda2, nvme0n1p1, mmcblk0p2)`);
    }
  }
  let luks: { keys: string[]; contents: DeviceAttrs } | undefined;
  if (d.luks !== undefined) {
    if (!isRecord(d.luks)) fail(`${where}.luks`, "must be an object");
    const p = d.luks.passphrase;
    const keys = typeof p === "string" ? [str(p, `${where}.luks.passphrase`)] : strArray(p, `${where}.luks.passphrase`);
    if (keys.length === 0) fail(`${where}.luks.passphrase`, "needs at least one passphrase");
    luks = { keys, contents: attrs(d.luks.contents as Filesystem | undefined, `${where}.luks.contents`) };
  }
  const type = optStr(d.type, `${where}.type`) || (luks ? "crypto_LUKS" : "");
  const base = attrs(d as Filesystem, where, { PARTLABEL: optStr(d.partlabel, `${where}.partlabel`), PARTUUID: partuuid }, type);
  const record = ctx.add({ kind: "disk", path: `/dev/${name}`, aliases: [], part: name, ...deviceNumbers(name, ctx.nextMinor), attrs: base, contents: contentsOf(d, where), ...extra });
  if (luks) {
    const contents = ctx.add({ kind: "luks", path: "", aliases: [], part: "dm", major: 253, minor: 0, blocks: extra.blocks, attrs: luks.contents, contents: contentsOf((d.luks as Record<string, unknown>).contents, `${where}.luks.contents`) });
    record.luksContents = contents.idx;
    record.keys = luks.keys;
  }
  return record;
}

function schedule(ctx: DiskContext, record: DeviceRecord, us: number): void {
  if (us === 0) {
    ctx.initial.push(record.idx);
  } else {
    record.appearsAfterUs = us;
    ctx.schedule.push({ idx: record.idx, us });
  }
}

/** Validates a scenario and builds the machine model; throws an Error naming the bad field. */
export function buildModel(input: Scenario, declared: readonly string[] = []): MachineModel {
  if (!isRecord(input)) fail("scenario", "must be an object");
  const s = input as Record<string, unknown>;
  const known = new Set([
    "cmdline", "devices", "volumeGroups", "raidArrays", "dmraidSets", "images", "missingModules", "commands",
    "console", "files", "dirs", "rescueShellExits", "extraCommands", "env", "timeoutMs", "shell", "utilLinux", "memory",
    "realApplets",
  ]);
  for (const key of Object.keys(s)) if (!known.has(key)) fail(key, "is not a scenario field");

  const devices: DeviceRecord[] = [];
  const paths = new Set<string>();
  const claimPath = (path: string, where: string) => {
    if (paths.has(path)) fail(where, `${path} is defined twice`);
    paths.add(path);
  };
  const add = (record: Omit<DeviceRecord, "idx">): DeviceRecord => {
    const full = { idx: devices.length, ...record };
    devices.push(full);
    return full;
  };

  const initial: number[] = [];
  const schedule: { idx: number; us: number }[] = [];
  const minorCounters = new Map<number, number>();
  const nextMinor = (major: number): number => {
    const minor = minorCounters.get(major) ?? 0;
    minorCounters.set(major, minor + 1);
    return minor;
  };
  buildDisks(list<Record<string, unknown>>(s.devices, "devices"), { add, claimPath, nextMinor, initial, schedule });
  schedule.sort((a, b) => a.us - b.us || a.idx - b.idx);

  const volumeGroups = list<Record<string, unknown>>(s.volumeGroups, "volumeGroups").map((vg, i) => {
    const where = `volumeGroups[${i}]`;
    if (!isRecord(vg)) fail(where, "must be an object");
    const name = str(vg.name, `${where}.name`);
    if (!LVM_NAME.test(name)) fail(`${where}.name`, `${JSON.stringify(name)} is not a volume group name`);
    const pvs = vg.pvs === undefined ? [] : strArray(vg.pvs, `${where}.pvs`);
    pvs.forEach((p, j) => DEV_PATH.test(p) || fail(`${where}.pvs[${j}]`, `${JSON.stringify(p)} is not a /dev/… path`));
    const lvs = list<Record<string, unknown>>(vg.lvs, `${where}.lvs`).map((lv, j) => {
      const lwhere = `${where}.lvs[${j}]`;
      if (!isRecord(lv)) fail(lwhere, "must be an object");
      const lvName = str(lv.name, `${lwhere}.name`);
      if (!LVM_NAME.test(lvName)) fail(`${lwhere}.name`, `${JSON.stringify(lvName)} is not a logical volume name`);
      const mapper = `/dev/mapper/${name.replaceAll("-", "--")}-${lvName.replaceAll("-", "--")}`;
      claimPath(mapper, lwhere);
      claimPath(`/dev/${name}/${lvName}`, lwhere);
      const record = add({ kind: "lv", path: mapper, aliases: [`/dev/${name}/${lvName}`], part: "dm", major: 253, minor: 0, blocks: DEFAULT_BLOCKS, attrs: attrs(lv as Filesystem, lwhere), contents: contentsOf(lv, lwhere) });
      return { idx: record.idx, name: lvName };
    });
    return { name, pvs, lvs };
  });

  const memberOf = new Map<string, string>();
  const raidArrays = list<Record<string, unknown>>(s.raidArrays, "raidArrays").map((md, i) => {
    const where = `raidArrays[${i}]`;
    if (!isRecord(md)) fail(where, "must be an object");
    const name = str(md.name, `${where}.name`);
    const m = /^md(\d+)$/.exec(name);
    if (!m) fail(`${where}.name`, `${JSON.stringify(name)} must look like md0, md127 …`);
    claimPath(`/dev/${name}`, where);
    const members = strArray(md.members, `${where}.members`);
    members.forEach((p, j) => DEV_PATH.test(p) || fail(`${where}.members[${j}]`, `${JSON.stringify(p)} is not a /dev/… path`));
    members.forEach((p, j) => {
      if (members.indexOf(p) !== j) fail(`${where}.members[${j}]`, `${p} is listed twice`);
      if (memberOf.has(p)) fail(`${where}.members[${j}]`, `${p} is a member of ${memberOf.get(p)} already`);
      memberOf.set(p, where);
    });
    const fsAttrs = attrs(md as Filesystem, where);
    if (md.level !== undefined && !RAID_LEVELS.includes(md.level as RaidLevel)) fail(`${where}.level`, `must be one of ${RAID_LEVELS.join(", ")}`);
    const level = (md.level as RaidLevel | undefined) ?? "raid1";
    const fewest = levelInfo(level).minMembers;
    if (members.length < fewest) fail(`${where}.members`, `a ${level} array needs at least ${fewest} member${fewest === 1 ? "" : "s"}`);
    // The members' sizes as the scenario gives them (a LUKS mapping's path is chosen at run time: the default size).
    const sizeOf = (path: string) => devices.find((d) => d.path === path || d.aliases.includes(path))?.blocks ?? DEFAULT_BLOCKS;
    const geometry = raidGeometry(level, members.map(sizeOf));
    const record = add({ kind: "md", path: `/dev/${name}`, aliases: [], part: name, major: 9, minor: Number(m[1]), blocks: geometry.arrayKb, attrs: fsAttrs, contents: contentsOf(md, where) });
    return { idx: record.idx, path: `/dev/${name}`, members, geometry };
  });

  const dmraidSets = list<Record<string, unknown>>(s.dmraidSets, "dmraidSets").map((set, i) => {
    const where = `dmraidSets[${i}]`;
    if (!isRecord(set)) fail(where, "must be an object");
    const name = str(set.name, `${where}.name`);
    if (!DEVICE_NAME.test(name)) fail(`${where}.name`, `${JSON.stringify(name)} is not a device name`);
    claimPath(`/dev/mapper/${name}`, where);
    const members = strArray(set.members, `${where}.members`);
    members.forEach((p, j) => DEV_PATH.test(p) || fail(`${where}.members[${j}]`, `${JSON.stringify(p)} is not a /dev/… path`));
    const record = add({ kind: "dmraid", path: `/dev/mapper/${name}`, aliases: [], part: "dm", major: 253, minor: 0, blocks: DEFAULT_BLOCKS, attrs: attrs(set as Filesystem, where), contents: contentsOf(set, where) });
    return { idx: record.idx, members };
  });

  const images = new Map<string, number>();
  if (s.images !== undefined) {
    if (!isRecord(s.images)) fail("images", "must be an object (path → filesystem)");
    for (const [path, fs] of Object.entries(s.images)) {
      checkFilePath(path, `images[${JSON.stringify(path)}]`);
      const record = add({ kind: "image", path: "", aliases: [], part: "", major: 7, minor: 0, blocks: DEFAULT_BLOCKS, attrs: attrs(fs as Filesystem, `images[${JSON.stringify(path)}]`), contents: contentsOf(fs, `images[${JSON.stringify(path)}]`) });
      images.set(path, record.idx);
    }
  }

  const missingModules = (s.missingModules === undefined ? [] : strArray(s.missingModules, "missingModules")).map((m, i) => {
    if (!/^[A-Za-z0-9_-]+$/.test(m)) fail(`missingModules[${i}]`, `${JSON.stringify(m)} is not a module name`);
    return m.replaceAll("-", "_");
  });

  const overrides = list<Record<string, unknown>>(s.commands, "commands").map((c, i) => {
    const where = `commands[${i}]`;
    if (!isRecord(c)) fail(where, "must be an object");
    if ((c.argv === undefined) === (c.prefix === undefined)) fail(where, "needs exactly one of argv and prefix");
    const exact = c.argv !== undefined;
    const match = strArray(exact ? c.argv : c.prefix, `${where}.${exact ? "argv" : "prefix"}`);
    if (match.length === 0 || !isCommandName(match[0]!)) fail(`${where}.${exact ? "argv" : "prefix"}[0]`, "must be a command name (no /)");
    const exit = c.exit === undefined ? 0 : nonNegative(c.exit, `${where}.exit`, true);
    if (exit > 255) fail(`${where}.exit`, "must be at most 255");
    return {
      match,
      exact,
      exit,
      stdout: c.stdout === undefined ? "" : str(c.stdout, `${where}.stdout`),
      stderr: c.stderr === undefined ? "" : str(c.stderr, `${where}.stderr`),
      times: c.times === undefined ? 0 : nonNegative(c.times, `${where}.times`, true),
    };
  });

  if (s.utilLinux !== undefined && typeof s.utilLinux !== "boolean") fail("utilLinux", "must be true or false");
  const utilLinux = s.utilLinux === true;
  const utilLinuxOnly = new Set<string>(UTIL_LINUX_ONLY);
  const extra = s.extraCommands === undefined ? [] : strArray(s.extraCommands, "extraCommands");
  extra.forEach((name, i) => {
    if (!isCommandName(name)) fail(`extraCommands[${i}]`, `${JSON.stringify(name)} is not a command name`);
    if (!utilLinux && utilLinuxOnly.has(name)) fail(`extraCommands[${i}]`, `${name} comes from util-linux (busybox-static has no such applet): set utilLinux: true`);
  });
  const realApplets = s.realApplets === undefined ? [] : strArray(s.realApplets, "realApplets");
  realApplets.forEach((name, i) => isCommandName(name) || fail(`realApplets[${i}]`, `${JSON.stringify(name)} is not a command name`));
  // A compiled init names the commands it may run; the util-linux ones exist only with util-linux.
  const declaredHere = declared.filter((name) => isCommandName(name) && (utilLinux || !utilLinuxOnly.has(name)));
  const shims = [
    ...new Set([...SHIM_NAMES, ...(utilLinux ? UTIL_LINUX_ONLY : []), ...declaredHere, ...extra, ...overrides.map((o) => o.match[0]!)]),
  ]
    .filter((name) => !realApplets.includes(name))
    .sort();

  const consoleLines = s.console === undefined ? [] : strArray(s.console, "console");
  consoleLines.forEach((line, i) => {
    if (/[\0-\x08\n-\x1f\x7f]/.test(line)) fail(`console[${i}]`, "must not contain newlines or control characters (the console's line discipline would act on them)");
    if (Buffer.byteLength(line) > 4000) fail(`console[${i}]`, "is longer than a console line can be (4000 bytes)");
  });

  const files = s.files === undefined ? new Map<string, FileSpec>() : readFileSpecs(s.files, "files");
  const dirs = s.dirs === undefined ? [] : strArray(s.dirs, "dirs");
  dirs.forEach((d, i) => checkFilePath(d, `dirs[${i}]`));

  const env: [string, string][] = [];
  if (s.env !== undefined) {
    if (!isRecord(s.env)) fail("env", "must be an object (name → value)");
    for (const [name, value] of Object.entries(s.env)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) fail(`env[${JSON.stringify(name)}]`, "is not a variable name");
      env.push([name, str(value, `env[${JSON.stringify(name)}]`)]);
    }
  }

  const timeoutMs = s.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : nonNegative(s.timeoutMs, "timeoutMs", false);
  if (timeoutMs === 0) fail("timeoutMs", "must be positive");
  if (s.shell !== undefined && s.shell !== "dash" && s.shell !== "busybox") fail("shell", 'must be "dash" or "busybox"');

  return {
    devices,
    initial,
    schedule,
    volumeGroups,
    raidArrays,
    dmraidSets,
    images,
    missingModules,
    overrides,
    shims,
    cmdline: s.cmdline === undefined ? "" : str(s.cmdline, "cmdline"),
    console: consoleLines,
    files,
    dirs,
    env,
    rescueShellExits: s.rescueShellExits === undefined ? 0 : nonNegative(s.rescueShellExits, "rescueShellExits", true),
    timeoutMs,
    shell: (s.shell as "dash" | "busybox" | undefined) ?? "dash",
    utilLinux,
    memory: readMemory(s.memory),
    realApplets,
  };
}

function readMemory(value: unknown): MachineModel["memory"] {
  if (value === undefined) return { ...DEFAULT_MEMORY };
  if (!isRecord(value)) fail("memory", "must be an object ({ totalKb, freeKb?, availableKb? })");
  for (const key of Object.keys(value)) if (!["totalKb", "freeKb", "availableKb"].includes(key)) fail(`memory.${key}`, "is not a memory field (totalKb, freeKb, availableKb)");
  const totalKb = value.totalKb === undefined ? DEFAULT_MEMORY.totalKb : nonNegative(value.totalKb, "memory.totalKb", true);
  if (totalKb < 4096) fail("memory.totalKb", "must be at least 4096 (kB)");
  const scaled = (kb: number) => Math.floor((kb * totalKb) / DEFAULT_MEMORY.totalKb);
  const freeKb = value.freeKb === undefined ? scaled(DEFAULT_MEMORY.freeKb) : nonNegative(value.freeKb, "memory.freeKb", true);
  const availableKb = value.availableKb === undefined ? scaled(DEFAULT_MEMORY.availableKb) : nonNegative(value.availableKb, "memory.availableKb", true);
  if (freeKb > totalKb) fail("memory.freeKb", `must not exceed totalKb (${totalKb})`);
  if (availableKb > totalKb) fail("memory.availableKb", `must not exceed totalKb (${totalKb})`);
  return { totalKb, freeKb, availableKb };
}

function checkFilePath(path: string, where: string): void {
  if (!path.startsWith("/")) fail(where, "must be an absolute path");
  if (path.includes("\0")) fail(where, "must not contain NUL bytes");
  const parts = path.split("/");
  if (parts.includes("..")) fail(where, "must not contain ..");
  if (parts[1] === ".sim") fail(where, "/.sim belongs to the simulator");
  if (path.replace(/\/+$/, "") === "") fail(where, "must name something below /");
}

/** Files by path (a scenario's `files`, a filesystem's `files`): contents, mode or a symbolic link. */
function readFileSpecs(value: unknown, field: string): Map<string, FileSpec> {
  const files = new Map<string, FileSpec>();
  if (!isRecord(value)) fail(field, "must be an object (path → contents)");
  for (const [path, spec] of Object.entries(value)) {
    const where = `${field}[${JSON.stringify(path)}]`;
    checkFilePath(path, where);
    if (typeof spec === "string") files.set(path, { content: spec });
    else if (isRecord(spec) && spec.symlink !== undefined) {
      if (spec.content !== undefined || spec.mode !== undefined) fail(where, "is a symbolic link ({ symlink }) or a file ({ content, mode }), not both");
      const target = str(spec.symlink, `${where}.symlink`);
      if (target === "" || target.includes("\0")) fail(`${where}.symlink`, "must be a path");
      files.set(path, { symlink: target });
    } else if (isRecord(spec)) {
      files.set(path, {
        content: str(spec.content, `${where}.content`),
        mode: spec.mode === undefined ? undefined : nonNegative(spec.mode, `${where}.mode`, true),
      });
    } else fail(where, "must be a string, { content, mode } or { symlink }");
  }
  return files;
}

/** What a filesystem holds (its `files`), when the scenario says; undefined when not modelled. */
function contentsOf(fs: unknown, where: string): Map<string, FileSpec> | undefined {
  if (!isRecord(fs) || fs.files === undefined) return undefined;
  return readFileSpecs(fs.files, `${where}.files`);
}
