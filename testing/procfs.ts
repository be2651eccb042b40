/**
 * The fixed files of the fake /proc, in the kernel's formats: meminfo, filesystems, and what
 * the boot-time filesystems (rootfs, devtmpfs) show as their options.
 */

/** Memory of the machine, in kB. */
export interface Memory {
  totalKb: number;
  freeKb: number;
  availableKb: number;
}

/** Memory the kernel had not yet freed when it set up rootfs and devtmpfs (QEMU boot: 481272 - 471568 kB). */
const EARLY_RESERVED_KB = 9704;

/** Pages of RAM (4 KiB), as tmpfs computes sizes from: MemTotal / 4. */
export function totalPages(memory: Memory): number {
  return Math.floor(memory.totalKb / 4);
}

/**
 * The options of rootfs and devtmpfs after `rw`: both were made at boot, when tmpfs's default
 * size (half of RAM) was computed from a little less memory than MemTotal shows later, so the
 * kernel prints their size and inode count (on the QEMU boot: size=235784k,nr_inodes=58946).
 */
export function bootTmpfsOptions(memory: Memory, devtmpfs: boolean): string {
  const half = Math.floor(Math.floor((memory.totalKb - EARLY_RESERVED_KB) / 4) / 2);
  return `,size=${half * 4}k,nr_inodes=${half}${devtmpfs ? ",mode=755" : ""},inode64`;
}

/** One /proc/meminfo line: the name and colon padded to 16 columns, the value to 8, then " kB". */
function line(name: string, kb: number): string {
  return `${`${name}:`.padEnd(16)}${String(kb).padStart(8)} kB\n`;
}

/**
 * /proc/meminfo of Linux 6.1 (fs/proc/meminfo.c): MemTotal, MemFree and MemAvailable as given;
 * the other lines plausible for a small machine running an initramfs, not measured.
 */
export function meminfo(m: Memory): string {
  const used = m.totalKb - m.freeKb;
  const cached = Math.min(2324, used);
  const lines: [string, number][] = [
    ["MemTotal", m.totalKb],
    ["MemFree", m.freeKb],
    ["MemAvailable", m.availableKb],
    ["Buffers", 0],
    ["Cached", cached],
    ["SwapCached", 0],
    ["Active", 40],
    ["Inactive", cached],
    ["Active(anon)", 40],
    ["Inactive(anon)", 0],
    ["Active(file)", 0],
    ["Inactive(file)", cached],
    ["Unevictable", 0],
    ["Mlocked", 0],
    ["SwapTotal", 0],
    ["SwapFree", 0],
    ["Zswap", 0],
    ["Zswapped", 0],
    ["Dirty", 0],
    ["Writeback", 0],
    ["AnonPages", 40],
    ["Mapped", 0],
    ["Shmem", cached],
    ["KReclaimable", 3000],
    ["Slab", 9000],
    ["SReclaimable", 3000],
    ["SUnreclaim", 6000],
    ["KernelStack", 1100],
    ["PageTables", 20],
    ["SecPageTables", 0],
    ["NFS_Unstable", 0],
    ["Bounce", 0],
    ["WritebackTmp", 0],
    ["CommitLimit", Math.floor(m.totalKb / 2)],
    ["Committed_AS", 3000],
    ["VmallocTotal", 34359738367],
    ["VmallocUsed", 2000],
    ["VmallocChunk", 0],
    ["Percpu", 400],
    ["HardwareCorrupted", 0],
    ["AnonHugePages", 0],
    ["ShmemHugePages", 0],
    ["ShmemPmdMapped", 0],
    ["FileHugePages", 0],
    ["FilePmdMapped", 0],
  ];
  const huge = ["HugePages_Total", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp"].map((n) => `${`${n}:`.padEnd(16)}${"0".padStart(8)}\n`);
  return (
    lines.map(([n, kb]) => line(n, kb)).join("") +
    huge.join("") +
    line("Hugepagesize", 2048) +
    line("Hugetlb", 0) +
    line("DirectMap4k", 40000) +
    line("DirectMap2M", Math.max(0, m.totalKb + 84288 - 40000)) +
    line("DirectMap1G", 0)
  );
}

/**
 * Filesystem types the machine's kernel knows (/proc/filesystems), as if their modules were
 * loaded: `nodev` ones need no device. busybox mount without -t tries the others in order.
 */
export const FILESYSTEMS: [nodev: boolean, type: string][] = [
  [true, "sysfs"], [true, "tmpfs"], [true, "bdev"], [true, "proc"], [true, "cgroup"], [true, "cgroup2"], [true, "cpuset"],
  [true, "devtmpfs"], [true, "configfs"], [true, "debugfs"], [true, "tracefs"], [true, "securityfs"], [true, "sockfs"],
  [true, "bpf"], [true, "pipefs"], [true, "ramfs"], [true, "hugetlbfs"], [true, "devpts"], [false, "ext3"], [false, "ext2"],
  [false, "ext4"], [false, "squashfs"], [false, "vfat"], [true, "ecryptfs"], [false, "fuseblk"], [true, "fuse"],
  [true, "fusectl"], [true, "efivarfs"], [true, "mqueue"], [true, "pstore"], [true, "autofs"], [true, "overlay"],
  [false, "iso9660"], [false, "xfs"], [false, "btrfs"], [false, "exfat"], [false, "erofs"], [false, "f2fs"], [false, "udf"],
  [false, "ntfs3"], [false, "jfs"], [false, "nilfs2"], [false, "hfsplus"], [false, "hfs"], [false, "minix"], [false, "cramfs"],
  [false, "romfs"], [true, "binfmt_misc"], [true, "nfs"], [true, "nfs4"], [true, "cifs"], [true, "9p"], [true, "virtiofs"],
];

/** /proc/filesystems: `nodev\tTYPE` or `\tTYPE` per line. */
export function filesystemsFile(): string {
  return FILESYSTEMS.map(([nodev, type]) => `${nodev ? "nodev" : ""}\t${type}\n`).join("");
}
