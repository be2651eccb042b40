/**
 * The public types of the simulated machine: what a scenario describes, and what a run
 * returns. See testing/README.md for the behaviour behind each field.
 */

/** Filesystem attributes of a block device, as `blkid` reports them. */
export interface Filesystem {
  /** Filesystem type, e.g. `"ext4"`, `"squashfs"`, `"swap"` (blkid's `TYPE`). */
  type?: string;
  /** Filesystem label (blkid's `LABEL`, matched by `LABEL=…` and `findfs`). */
  label?: string;
  /** Filesystem UUID (blkid's `UUID`). */
  uuid?: string;
  /**
   * What the filesystem holds, by path inside it (`"/sbin/init"`, `"/etc/fstab"`): while it is
   * mounted these are the files at the mount point — not the fake root's own files there —
   * and unmounting hides them again; what the init writes there stays on the filesystem.
   * Absent: its contents are not modelled, and the fake root's files below the mount point
   * stand for them (`files: { "/newroot/sbin/init": … }`).
   */
  files?: Record<string, string | FileSpec>;
}

/** A LUKS container on a block device, opened by `cryptsetup open`. */
export interface LuksVolume {
  /**
   * The passphrase, or several (one per key slot). A passphrase typed on the console or
   * piped in is read up to its first newline; a `--key-file` is compared whole, so a key
   * file holding `secret\n` does not match `"secret"`.
   */
  passphrase: string | string[];
  /** The filesystem inside, seen on `/dev/mapper/NAME` once opened. */
  contents?: Filesystem;
}

/**
 * A block device of the simulated machine: `/dev/NAME`. A partition (`vda1`, `sda2`,
 * `nvme0n1p1`, `mmcblk0p2`) implies its disk, which is present with it; the disk's image holds
 * the partition table (see the README).
 */
export interface BlockDevice extends Filesystem {
  /** Name under /dev, e.g. `"vda"`, `"vda1"`, `"sr0"`, `"nvme0n1p2"`. */
  name: string;
  /**
   * A partition's PARTUUID: a GUID (its disk gets a GPT, with this as the partition's unique
   * GUID), or `SSSSSSSS-PP`, the MBR disk signature and the partition number in hex (its disk
   * gets an MBR). Partitions only; all of a disk's partitions use one form. Absent: derived.
   */
  partuuid?: string;
  /**
   * A GPT partition's name (blkid's `PARTLABEL`; the kernel's `PARTNAME` in uevent is its
   * 7-bit form). At most 36 UTF-16 code units; partitions of GPT disks only.
   */
  partlabel?: string;
  /**
   * Seconds of virtual time after which the device appears (the clock only moves when the
   * init runs `sleep`/`usleep`, and devices appear when it does). Absent or 0: present
   * from the start.
   */
  appearsAfter?: number;
  /**
   * A LUKS container: the device's type becomes `crypto_LUKS` (its `uuid` is the LUKS
   * header's, printed by `cryptsetup luksUUID`).
   */
  luks?: LuksVolume;
  /**
   * Size in 1 KiB blocks, shown in /proc/partitions (default 1048576). A disk with partitions
   * is, without it, just large enough for them.
   */
  blocks?: number;
}

/** A logical volume, `/dev/mapper/VG-LV` and `/dev/VG/LV` once its group is active. */
export interface LogicalVolume extends Filesystem {
  /** The LV name. */
  name: string;
}

/** An LVM volume group, activated by `lvm vgchange -ay` when all its PVs are present. */
export interface VolumeGroup {
  /** The VG name. */
  name: string;
  /** Paths of its physical volumes, e.g. `["/dev/vda2"]` or `["/dev/mapper/cryptlvm"]`. */
  pvs?: string[];
  /** Its logical volumes. */
  lvs: LogicalVolume[];
}

/**
 * An md array (metadata 1.2, clean), assembled by `mdadm --assemble`: `--scan` starts it
 * once enough of its members are present for its level to run — a mirror from one member,
 * degraded — as mdadm 4.2 does (see the README).
 */
export interface RaidArray extends Filesystem {
  /** Name under /dev: `md0`, `md127` … */
  name: string;
  /** Paths of the member devices in role order (role 0 first), e.g. `["/dev/sda1", "/dev/sdb1"]`. */
  members: string[];
  /** Its RAID level (default `"raid1"`): `linear`, `raid0`, `raid1`, `raid4`, `raid5`, `raid6` or `raid10` (near 2). */
  level?: "linear" | "raid0" | "raid1" | "raid4" | "raid5" | "raid6" | "raid10";
}

/** A BIOS RAID set, activated by `dmraid -ay` as `/dev/mapper/NAME`. */
export interface DmraidSet extends Filesystem {
  /** The set's name, e.g. `isw_abcdef_Volume0`. */
  name: string;
  /** Paths of the member disks. */
  members: string[];
}

/**
 * Replaces the default behaviour of a command for calls that match. Give exactly one of
 * `argv` (the whole argv, command name first, must be equal) or `prefix` (the argv must
 * start with these). Overrides are tried in order, before any default.
 */
export interface CommandOverride {
  /** The exact argv to match, e.g. `["mount", "-t", "ext4", "/dev/vda1", "/newroot"]`. */
  argv?: string[];
  /** A prefix of the argv to match, e.g. `["modprobe", "virtio_blk"]`. */
  prefix?: string[];
  /** Exit status (default 0). */
  exit?: number;
  /** Written to standard output. */
  stdout?: string;
  /** Written to standard error. */
  stderr?: string;
  /** Apply to the first `times` matching calls only (default: every call). */
  times?: number;
}

/** A file to put in the fake root before the init starts, or a symbolic link. */
export type FileSpec =
  | {
      /** The contents. */
      content: string;
      /** Permission bits, e.g. `0o755` (default `0o644`). */
      mode?: number;
    }
  | {
      /** A symbolic link to this target, as written (`/lib/systemd/systemd` resolves wherever the link is looked at from: inside a new root, in it). */
      symlink: string;
    };

/** Everything the simulated machine is made of. Every field is optional. */
export interface Scenario {
  /** The kernel command line; the init reads it (plus a newline) from /proc/cmdline. */
  cmdline?: string;
  /** Block devices, present from the start or after `appearsAfter` seconds. */
  devices?: BlockDevice[];
  /** LVM volume groups. */
  volumeGroups?: VolumeGroup[];
  /** md arrays. */
  raidArrays?: RaidArray[];
  /** dmraid sets. */
  dmraidSets?: DmraidSet[];
  /**
   * Filesystem images a loop device can attach, by absolute path in the fake root. Each
   * path is created (empty) unless `files` gives it.
   */
  images?: Record<string, Filesystem>;
  /** Kernel modules `modprobe` cannot find (`-` and `_` are the same, as for kmod). */
  missingModules?: string[];
  /** Overrides for commands, checked before the default behaviour. */
  commands?: CommandOverride[];
  /** Lines typed on the console, in order (no newlines, no control characters). */
  console?: string[];
  /** Files to create in the fake root: absolute path → contents. */
  files?: Record<string, string | FileSpec>;
  /** Directories to create in the fake root (absolute paths). */
  dirs?: string[];
  /** How many times the rescue shell exits (and the init may restart it) before the run ends. Default 0. */
  rescueShellExits?: number;
  /** More command names to provide as generic shims (they log and succeed). */
  extraCommands?: string[];
  /** Extra environment variables for the init (it always gets `HOME=/` and `TERM=linux`). */
  env?: Record<string, string>;
  /** Wall-clock limit of the run in milliseconds (default 5000); then the outcome is `timeout`. */
  timeoutMs?: number;
  /**
   * The shell that runs the init (and `sh -c …`, `ash -c …` and scripts run with `sh FILE`):
   *
   * - `"dash"` (default): the host's dash.
   * - `"busybox"`: busybox ash (`busybox sh /init`), from Debian's dynamically linked
   *   `busybox` package — its ash runs commands from PATH, so they still reach the shims
   *   (Debian's busybox-static is a standalone shell that would bypass them). The package is
   *   fetched with `apt-get download` on first use (not installed) and cached; see the
   *   README for where, and for $INITSH_SIM_BUSYBOX.
   *
   * Everything else — shims, trace, console, outcomes — is the same under both; only what
   * the shell itself does differs (e.g. its error messages: dash `/init: 4: foo: not found`,
   * busybox `/init: line 4: foo: not found`).
   */
  shell?: "dash" | "busybox";
  /**
   * The image carries util-linux: `blkid` exists, and `findfs` (which then also knows
   * `PARTUUID=` and `PARTLABEL=`) and `losetup` (with `--show`) are util-linux's rather than
   * busybox's applets. Default false: busybox-static alone, which has no `blkid`.
   */
  utilLinux?: boolean;
  /** What /proc/meminfo says, in kB (default: QEMU -m 512, MemTotal 481272). */
  memory?: { totalKb: number; freeKb?: number; availableKb?: number };
  /**
   * Commands that are the real busybox-static applet instead of a shim: not traced, and they
   * really act on the namespace (a tmpfs is really mounted). For conformance tests of the
   * shims; an init tested this way sees the machine's files, not its model.
   */
  realApplets?: string[];
}

/** One external command the init (or anything it started) ran. */
export interface TraceEntry {
  /** The argv; `argv[0]` is the command's name without its directory (`mount`, not `/bin/mount`). */
  argv: string[];
  /** Virtual time in seconds when it started. */
  time: number;
}

/** One entry of the simulated mount table. */
export interface MountEntry {
  /** The source as mount saw it (`LABEL=…` resolved to the device path; bind sources made absolute). */
  source: string;
  /** The absolute mount point. */
  target: string;
  /** The filesystem type (`-t`, else the device's type, else `auto`; `none` for bind mounts). */
  type: string;
  /** The options as given (`-o` values joined with `,`, `ro` for `-r`), `""` when none. */
  options: string;
}

/** How the run ended. */
export type Outcome =
  | {
      /** The init ran `switch_root` and it would have switched (which is not performed). */
      kind: "switch_root";
      /** Its argv, `"switch_root"` first. */
      argv: string[];
      /**
       * Whether it ran as PID 1 (the init `exec`ed it): always true, since busybox switch_root
       * refuses to run as anything else (it prints its usage, and the run goes on).
       */
      pid1: boolean;
    }
  | {
      /** The rescue shell started and did not exit (see `Scenario.rescueShellExits`). */
      kind: "rescue";
      /** The argv of the last start, `"sh"` first. */
      argv: string[];
      /** How many times the rescue shell was started in all. */
      starts: number;
    }
  | {
      /** The init ran `chroot NEWROOT COMMAND…`. */
      kind: "exec";
      /** Its argv, `"chroot"` first. */
      argv: string[];
      /** Whether it ran as PID 1. */
      pid1: boolean;
    }
  | {
      /** The init rebooted, powered off or halted the machine. */
      kind: "reboot" | "poweroff" | "halt";
      /** The argv of that command. */
      argv: string[];
    }
  | {
      /**
       * The init process exited: on a real kernel, "Kernel panic - not syncing: Attempted
       * to kill init!". A correct init never gets here.
       */
      kind: "panic";
      /** Its exit status (128 + N when killed by signal N). */
      status: number;
    }
  | {
      /** The wall-clock limit passed first; everything was killed. */
      kind: "timeout";
    };

/** Everything a run produced. */
export interface SimResult {
  /** How the run ended. */
  outcome: Outcome;
  /** Every external command run, in order. */
  trace: TraceEntry[];
  /** Everything written to /dev/console (stdout and stderr, in the order the console showed them). */
  console: string;
  /** The simulated mount table at the end, oldest first. */
  mounts: MountEntry[];
  /** Wall-clock duration of the run in milliseconds. */
  durationMs: number;
}

/** The init to run: a compiled sh script, or a TypeScript entry compiled first. */
export type InitInput =
  | string
  | {
      /** A TypeScript entry, compiled first. */
      source: string;
      /** For a source with variants (`export const variants`), the one to build. */
      variant?: string;
    };
