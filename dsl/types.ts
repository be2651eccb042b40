/**
 * Types shared by the boot library and user code. They exist only for the type checker: in
 * the generated sh a `DeviceSpec` is a string and a `MountOptions` a few variables.
 *
 * @module
 */

/**
 * A block device the way the kernel command line and fstab name one: a path under /dev, or a
 * filesystem or partition identifier. A raw string is not a `DeviceSpec`: parse it with
 * `parseDeviceSpec(s)`, which returns `undefined` for anything else.
 */
export type DeviceSpec =
  | `/dev/${string}`
  | `UUID=${string}`
  | `LABEL=${string}`
  | `PARTUUID=${string}`
  | `PARTLABEL=${string}`;

/** A path under /dev: what waitForDevice, losetup and cryptsetup.open give back. */
export type DevicePath = `/dev/${string}`;

/** Filesystems on block devices (or on files, with `loop: true`). `auto` lets mount probe. */
export type DiskFsType =
  | "ext4"
  | "ext3"
  | "ext2"
  | "xfs"
  | "btrfs"
  | "vfat"
  | "exfat"
  | "iso9660"
  | "udf"
  | "squashfs"
  | "erofs"
  | "ntfs3"
  | "f2fs"
  | "auto";

/** Kernel filesystems with no backing device. */
export type PseudoFsType = "proc" | "sysfs" | "devtmpfs" | "devpts" | "tmpfs" | "ramfs" | "overlay";

/** Every filesystem type `mount` accepts. */
export type FsType = DiskFsType | PseudoFsType;

/** A tmpfs size: a share of RAM (`"90%"`) or an amount (`"512m"`, `"2g"`, `"65536k"`). */
export type TmpfsSize = `${number}%` | `${number}k` | `${number}m` | `${number}g`;

/** Options every mount takes. */
export interface CommonMountOptions {
  /** Mount read-only (`-o ro`). */
  readonly?: boolean;
  /** More `-o` options, passed as they are (`"noatime"`, `"errors=remount-ro"`). */
  options?: string[];
}

/** Mounting a filesystem that lives on a block device or, with `loop`, in a file. */
export interface DiskMountOptions extends CommonMountOptions {
  type: DiskFsType;
  /** The source is a file holding a filesystem image: attach it to a loop device first. */
  loop?: boolean;
}

/** A tmpfs: a filesystem in RAM. */
export interface TmpfsMountOptions extends CommonMountOptions {
  type: "tmpfs";
  /** Its maximum size (default: half of RAM, the kernel's default). */
  size?: TmpfsSize;
  /** Permissions of its root directory, in octal (`"0755"`). */
  mode?: string;
}

/** An overlay: `upper` (writable) over `lower` (read-only, first element on top). */
export interface OverlayMountOptions extends CommonMountOptions {
  type: "overlay";
  /** The read-only layers, top first. */
  lower: string[];
  /** The writable layer (a directory on a writable filesystem); omit for a read-only overlay. */
  upper?: string;
  /** An empty directory on the same filesystem as `upper`; required with `upper`. */
  work?: string;
}

/** proc, sysfs, devtmpfs, devpts, ramfs. */
export interface PseudoMountOptions extends CommonMountOptions {
  type: "proc" | "sysfs" | "devtmpfs" | "devpts" | "ramfs";
}

/** How to mount something, typed per filesystem. */
export type MountOptions = DiskMountOptions | TmpfsMountOptions | OverlayMountOptions | PseudoMountOptions;

/** What `rescueShell` does when the rescue shell exits. */
export type EmergencyAction = "shell" | "reboot" | "poweroff";
