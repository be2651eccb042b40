/**
 * Checks a scenario (it may come from JSON) and turns it into the machine model: every
 * device that can ever exist gets an index, a path (when known in advance), its
 * /proc/partitions name and numbers, and its blkid attributes.
 */
import type { FileSpec, Filesystem, Scenario } from "./types.ts";
import { SHIM_NAMES, isCommandName } from "./shimNames.ts";

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
  /** For a LUKS container: the passphrases. */
  keys?: string[];
  /** For a disk: virtual microseconds after which it appears; undefined = present from the start. */
  appearsAfterUs?: number;
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
  /** md arrays: device index, path, member paths. */
  raidArrays: { idx: number; path: string; members: string[] }[];
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
}

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

function attrs(fs: Filesystem | undefined, where: string, extra: Partial<DeviceAttrs> = {}): DeviceAttrs {
  const f: Record<string, unknown> = isRecord(fs) ? fs : {};
  if (fs !== undefined && !isRecord(fs)) fail(where, "must be an object");
  return {
    LABEL: optStr(f.label, `${where}.label`),
    UUID: optStr(f.uuid, `${where}.uuid`),
    TYPE: optStr(f.type, `${where}.type`),
    PARTLABEL: "",
    PARTUUID: "",
    ...extra,
  };
}

/** Device numbers for a disk name, the way the kernel would roughly give them. */
function diskNumbers(name: string, used: Map<number, number>): { major: number; minor: number } {
  const next = (major: number) => {
    const minor = used.get(major) ?? 0;
    used.set(major, minor + 1);
    return { major, minor };
  };
  const lettered = /^(sd|vd|hd|xvd)([a-z])(\d*)$/.exec(name);
  if (lettered) {
    const major = { sd: 8, vd: 254, hd: 3, xvd: 202 }[lettered[1] as "sd" | "vd" | "hd" | "xvd"];
    return { major, minor: (lettered[2]!.charCodeAt(0) - 97) * 16 + Number(lettered[3] || 0) };
  }
  const numbered = /^(sr|loop|md)(\d+)$/.exec(name);
  if (numbered) return { major: { sr: 11, loop: 7, md: 9 }[numbered[1] as "sr" | "loop" | "md"], minor: Number(numbered[2]) };
  if (/^nvme/.test(name)) return next(259);
  if (/^mmcblk/.test(name)) return next(179);
  return next(240);
}

/** Validates a scenario and builds the machine model; throws an Error naming the bad field. */
export function buildModel(input: Scenario): MachineModel {
  if (!isRecord(input)) fail("scenario", "must be an object");
  const s = input as Record<string, unknown>;
  const known = new Set([
    "cmdline", "devices", "volumeGroups", "raidArrays", "dmraidSets", "images", "missingModules", "commands",
    "console", "files", "dirs", "rescueShellExits", "extraCommands", "env", "timeoutMs", "shell",
  ]);
  for (const key of Object.keys(s)) if (!known.has(key)) fail(key, "is not a scenario field");

  const devices: DeviceRecord[] = [];
  const paths = new Set<string>();
  const usedMinors = new Map<number, number>();
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
  list<Record<string, unknown>>(s.devices, "devices").forEach((d, i) => {
    const where = `devices[${i}]`;
    if (!isRecord(d)) fail(where, "must be an object");
    const name = str(d.name, `${where}.name`);
    if (!DEVICE_NAME.test(name)) fail(`${where}.name`, `${JSON.stringify(name)} is not a device name (letters, digits and ._+:- only, no /)`);
    claimPath(`/dev/${name}`, `${where}.name`);
    const blocks = d.blocks === undefined ? DEFAULT_BLOCKS : nonNegative(d.blocks, `${where}.blocks`, true);
    let luks: { keys: string[]; contents: DeviceAttrs } | undefined;
    if (d.luks !== undefined) {
      if (!isRecord(d.luks)) fail(`${where}.luks`, "must be an object");
      const p = d.luks.passphrase;
      const keys = typeof p === "string" ? [str(p, `${where}.luks.passphrase`)] : strArray(p, `${where}.luks.passphrase`);
      if (keys.length === 0) fail(`${where}.luks.passphrase`, "needs at least one passphrase");
      luks = { keys, contents: attrs(d.luks.contents as Filesystem | undefined, `${where}.luks.contents`) };
    }
    const base = attrs(d as Filesystem, where, {
      PARTLABEL: optStr(d.partlabel, `${where}.partlabel`),
      PARTUUID: optStr(d.partuuid, `${where}.partuuid`),
    });
    if (luks && base.TYPE === "") base.TYPE = "crypto_LUKS";
    const record = add({ kind: "disk", path: `/dev/${name}`, aliases: [], part: name, ...diskNumbers(name, usedMinors), blocks, attrs: base });
    if (luks) {
      const contents = add({ kind: "luks", path: "", aliases: [], part: "dm", major: 253, minor: 0, blocks, attrs: luks.contents });
      record.luksContents = contents.idx;
      record.keys = luks.keys;
    }
    const us = d.appearsAfter === undefined ? 0 : Math.round(nonNegative(d.appearsAfter, `${where}.appearsAfter`, false) * 1e6);
    if (us === 0) {
      initial.push(record.idx);
    } else {
      record.appearsAfterUs = us;
      schedule.push({ idx: record.idx, us });
    }
  });
  schedule.sort((a, b) => a.us - b.us);

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
      const record = add({ kind: "lv", path: mapper, aliases: [`/dev/${name}/${lvName}`], part: "dm", major: 253, minor: 0, blocks: DEFAULT_BLOCKS, attrs: attrs(lv as Filesystem, lwhere) });
      return { idx: record.idx, name: lvName };
    });
    return { name, pvs, lvs };
  });

  const raidArrays = list<Record<string, unknown>>(s.raidArrays, "raidArrays").map((md, i) => {
    const where = `raidArrays[${i}]`;
    if (!isRecord(md)) fail(where, "must be an object");
    const name = str(md.name, `${where}.name`);
    const m = /^md(\d+)$/.exec(name);
    if (!m) fail(`${where}.name`, `${JSON.stringify(name)} must look like md0, md127 …`);
    claimPath(`/dev/${name}`, where);
    const members = strArray(md.members, `${where}.members`);
    members.forEach((p, j) => DEV_PATH.test(p) || fail(`${where}.members[${j}]`, `${JSON.stringify(p)} is not a /dev/… path`));
    const record = add({ kind: "md", path: `/dev/${name}`, aliases: [], part: name, major: 9, minor: Number(m[1]), blocks: DEFAULT_BLOCKS, attrs: attrs(md as Filesystem, where) });
    return { idx: record.idx, path: `/dev/${name}`, members };
  });

  const dmraidSets = list<Record<string, unknown>>(s.dmraidSets, "dmraidSets").map((set, i) => {
    const where = `dmraidSets[${i}]`;
    if (!isRecord(set)) fail(where, "must be an object");
    const name = str(set.name, `${where}.name`);
    if (!DEVICE_NAME.test(name)) fail(`${where}.name`, `${JSON.stringify(name)} is not a device name`);
    claimPath(`/dev/mapper/${name}`, where);
    const members = strArray(set.members, `${where}.members`);
    members.forEach((p, j) => DEV_PATH.test(p) || fail(`${where}.members[${j}]`, `${JSON.stringify(p)} is not a /dev/… path`));
    const record = add({ kind: "dmraid", path: `/dev/mapper/${name}`, aliases: [], part: "dm", major: 253, minor: 0, blocks: DEFAULT_BLOCKS, attrs: attrs(set as Filesystem, where) });
    return { idx: record.idx, members };
  });

  const images = new Map<string, number>();
  if (s.images !== undefined) {
    if (!isRecord(s.images)) fail("images", "must be an object (path → filesystem)");
    for (const [path, fs] of Object.entries(s.images)) {
      checkFilePath(path, `images[${JSON.stringify(path)}]`);
      const record = add({ kind: "image", path: "", aliases: [], part: "", major: 7, minor: 0, blocks: DEFAULT_BLOCKS, attrs: attrs(fs as Filesystem, `images[${JSON.stringify(path)}]`) });
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

  const extra = s.extraCommands === undefined ? [] : strArray(s.extraCommands, "extraCommands");
  extra.forEach((name, i) => isCommandName(name) || fail(`extraCommands[${i}]`, `${JSON.stringify(name)} is not a command name`));
  const shims = [...new Set([...SHIM_NAMES, ...extra, ...overrides.map((o) => o.match[0]!)])].sort();

  const consoleLines = s.console === undefined ? [] : strArray(s.console, "console");
  consoleLines.forEach((line, i) => {
    if (/[\0-\x08\n-\x1f\x7f]/.test(line)) fail(`console[${i}]`, "must not contain newlines or control characters (the console's line discipline would act on them)");
    if (Buffer.byteLength(line) > 4000) fail(`console[${i}]`, "is longer than a console line can be (4000 bytes)");
  });

  const files = new Map<string, FileSpec>();
  if (s.files !== undefined) {
    if (!isRecord(s.files)) fail("files", "must be an object (path → contents)");
    for (const [path, spec] of Object.entries(s.files)) {
      const where = `files[${JSON.stringify(path)}]`;
      checkFilePath(path, where);
      if (typeof spec === "string") files.set(path, { content: spec });
      else if (isRecord(spec)) {
        files.set(path, {
          content: str(spec.content, `${where}.content`),
          mode: spec.mode === undefined ? undefined : nonNegative(spec.mode, `${where}.mode`, true),
        });
      } else fail(where, "must be a string or { content, mode }");
    }
  }
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
  };
}

function checkFilePath(path: string, where: string): void {
  if (!path.startsWith("/")) fail(where, "must be an absolute path");
  if (path.includes("\0")) fail(where, "must not contain NUL bytes");
  const parts = path.split("/");
  if (parts.includes("..")) fail(where, "must not contain ..");
  if (parts[1] === ".sim") fail(where, "/.sim belongs to the simulator");
  if (path.replace(/\/+$/, "") === "") fail(where, "must name something below /");
}
