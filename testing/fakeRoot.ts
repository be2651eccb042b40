/**
 * Builds one run's work folder: the fake root tree the init will see (usrmerged /bin and
 * /sbin holding only shims, a fake /proc, /sys and /dev, the init itself, the scenario's
 * files) plus what the host-side scripts read (the initial device nodes, the init's
 * environment).
 *
 * The fake /proc, /sys and /dev are built in /.sim/pfs/{proc,sys,dev}; /proc, /sys and /dev
 * themselves are empty directories on which inner.sh bind-mounts those, so that the init
 * can move or unmount them and leave an empty directory behind (see sh/shim/mounts.sh).
 * Every file the scenario puts below /proc, /sys or /dev goes there too.
 */
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { writeDiskImage, type SysfsEntry } from "./disks.ts";
import { bootTmpfsOptions, filesystemsFile, meminfo } from "./procfs.ts";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { dataScript } from "./dataScript.ts";
import { KIT_MOUNT, KIT_STATIC_BUSYBOX, type Kit } from "./kit.ts";
import { shQuote } from "./quote.ts";
import type { DeviceRecord, MachineModel } from "./scenario.ts";
import type { FileSpec } from "./types.ts";

/** The paths of a run's work folder. */
export interface WorkDir {
  /** The work folder (removed after the run). */
  dir: string;
  /** The fake root, inside it. */
  root: string;
  /** The shims' state folder (trace, clock, mount table, outcome), inside the fake root. */
  state: string;
}

/**
 * Where work folders go: $INITSH_SIM_TMPDIR, else /dev/shm when it is a writable tmpfs
 * (building a fake root there takes ~4 ms, against ~20 ms on a journalled disk), else the
 * system temp folder.
 */
export function workBase(): string {
  const chosen = process.env.INITSH_SIM_TMPDIR;
  if (chosen) return chosen;
  try {
    accessSync("/dev/shm", constants.W_OK);
    if (statSync("/dev/shm").isDirectory()) return "/dev/shm";
  } catch {
    // not usable
  }
  return tmpdir();
}

/** Paths inside the harness's pseudo filesystems, which are kept in PSEUDO_STORE. */
const PSEUDO = /^\/(proc|sys|dev)(\/|$)/;
/** Where the contents of the fake /proc, /sys and /dev are built (SIM_PFS in the shims). */
const PSEUDO_STORE = "/.sim/pfs";
/** Where the files of each filesystem with modelled contents are kept, by device index (SIM_DISKS in the shims). */
const DISK_CONTENTS = "/.sim/disks";

/** Where an unmounted pseudo filesystem is kept out of sight (SIM_PFS_PARK in the shims). */
const PSEUDO_PARK = "/.sim/park";

const PARTITIONS_HEADER = "major minor  #blocks  name\n\n";

/** Where the sysfs entries of a device that appears later wait (sh/shim/devices.sh copies them into place). */
export const SYSFS_STAGE = "/.sim/stage";

/**
 * The first line of /proc/self/mountinfo and of /proc/mounts: the initramfs's rootfs (device
 * 0:2, mount 1, its own parent). The shims rewrite both after every mount (sh/shim/mounts.sh).
 */
export function rootfsLines(memory: MachineModel["memory"]): { mountinfo: string; mounts: string } {
  const opts = bootTmpfsOptions(memory, false);
  return { mountinfo: `1 1 0:2 / / rw - rootfs rootfs rw${opts}\n`, mounts: `rootfs / rootfs rw${opts} 0 0\n` };
}

/** One /proc/partitions line, formatted like the kernel's. */
export function partitionsLine(d: Pick<DeviceRecord, "major" | "minor" | "blocks" | "part">): string {
  return `${String(d.major).padStart(4)}  ${String(d.minor).padStart(7)} ${String(d.blocks).padStart(10)} ${d.part}\n`;
}

/** Creates the work folder and the fake root for one run. */
export function buildWorkDir(model: MachineModel, init: Buffer, kit: Kit, hasBlockNode: boolean): WorkDir {
  const dir = mkdtempSync(join(workBase(), "initsh-sim-"));
  const root = join(dir, "root");
  const state = join(root, ".sim", "state");
  const at = (path: string) => join(root, PSEUDO.test(path) ? `${PSEUDO_STORE}${path}` : path);
  const mkdir = (path: string) => mkdirSync(at(path), { recursive: true });
  const file = (path: string, content: string | Buffer, mode = 0o644) => {
    mkdirSync(dirname(at(path)), { recursive: true });
    writeFileSync(at(path), content, { mode });
    chmodSync(at(path), mode);
  };

  for (const d of ["/usr/bin", "/dev", "/proc", "/sys/class/block", `${KIT_MOUNT}`, "/.sim/state"]) mkdir(d);
  // The empty places the pseudo filesystems are mounted on, and where an unmounted one is kept.
  for (const d of ["/proc", "/sys", "/dev"]) {
    mkdirSync(join(root, d));
    mkdirSync(join(root, PSEUDO_PARK, d), { recursive: true });
  }
  symlinkSync("usr/bin", at("/bin"));
  symlinkSync("usr/bin", at("/sbin"));
  symlinkSync("bin", at("/usr/sbin"));
  for (const name of model.shims) symlinkSync(`${KIT_MOUNT}/sh/shim`, at(`/usr/bin/${name}`));
  for (const name of model.realApplets) symlinkSync(KIT_STATIC_BUSYBOX, at(`/usr/bin/${name}`));
  for (const link of kit.links) {
    mkdirSync(dirname(at(link.path)), { recursive: true });
    symlinkSync(link.target, at(link.path));
  }

  file("/.sim/data.sh", dataScript(model, hasBlockNode));
  file("/.sim/blk", "");
  file("/.sim/null", "");
  file("/.sim/state/clock", "0\n");
  file("/.sim/state/mounts", "");

  // Devices present from the start: their node, /proc/partitions line and sysfs entries. The
  // sysfs entries of the disks and partitions that appear later wait in SYSFS_STAGE/IDX.
  const initial = model.initial.map((i) => model.devices[i]!);
  file("/.sim/state/present", initial.map((d) => `${d.idx} p ${d.path} ${d.part} ${d.path} ${d.major}:${d.minor}\n`).join(""));
  file("/proc/partitions", PARTITIONS_HEADER + initial.map(partitionsLine).join(""));
  for (const d of initial) file(d.path, "");
  const present = new Set(model.initial);
  mkdir(SYSFS_STAGE);
  for (const d of model.devices) {
    if (d.sysfs) writeSysfs(d.sysfs, present.has(d.idx) ? at("/sys") : join(root, SYSFS_STAGE, String(d.idx)));
    if (d.image) {
      mkdirSync(dirname(join(root, d.image)), { recursive: true });
      writeDiskImage(join(root, d.image), d.sectors!, d.table);
    }
  }
  writeFileSync(join(dir, "initial-nodes"), initial.map((d) => `${d.path}\n`).join(""));

  file("/proc/cmdline", `${model.cmdline}\n`, 0o444);
  // /proc/mounts is a link to self/mounts, as on a real kernel; /proc/self is a plain folder here.
  const rootfs = rootfsLines(model.memory);
  file("/proc/self/mounts", rootfs.mounts, 0o444);
  file("/proc/self/mountinfo", rootfs.mountinfo, 0o444);
  symlinkSync("self/mounts", at("/proc/mounts"));
  file("/proc/meminfo", meminfo(model.memory), 0o444);
  file("/proc/filesystems", filesystemsFile(), 0o444);
  file("/dev/console", "", 0o600);
  file("/dev/null", "", 0o666);
  file("/init", init, 0o755);

  for (const d of model.dirs) mkdir(d);
  for (const path of model.images.keys()) if (!model.files.has(path)) file(path, "");
  const writeFiles = (files: Map<string, FileSpec>, under: string) => {
    for (const [path, spec] of files) {
      if ("symlink" in spec) {
        mkdirSync(dirname(at(under + path)), { recursive: true });
        symlinkSync(spec.symlink, at(under + path));
      } else file(under + path, spec.content, spec.mode ?? 0o644);
    }
  };
  writeFiles(model.files, "");
  // What each modelled filesystem holds: bound on its mount point while it is mounted (mounts.sh).
  for (const d of model.devices) {
    if (d.contents === undefined) continue;
    mkdir(`${DISK_CONTENTS}/${d.idx}`);
    writeFiles(d.contents, `${DISK_CONTENTS}/${d.idx}`);
  }

  const env = [["HOME", "/"], ["TERM", "linux"], ...model.env].map(([k, v]) => shQuote(`${k}=${v}`));
  writeFileSync(join(dir, "init-env"), `set -- ${env.join(" ")}\n`);
  return { dir, root, state };
}

/** Writes sysfs entries (paths relative to /sys) below `base`. */
function writeSysfs(entries: SysfsEntry[], base: string): void {
  for (const e of entries) {
    const path = join(base, e.path);
    if ("dir" in e) {
      mkdirSync(path, { recursive: true });
    } else if ("link" in e) {
      mkdirSync(dirname(path), { recursive: true });
      symlinkSync(e.link, path);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, e.file, { mode: 0o444 });
    }
  }
}
