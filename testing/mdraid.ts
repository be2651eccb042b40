/**
 * md RAID arrays as mdadm 4.2 makes them (metadata 1.2, its defaults) and as Linux 6.1 shows
 * them: which kernel module and personalities run a level, the sizes /proc/partitions and
 * /proc/mdstat show, and the level's part of an mdstat line. The rules of assembly (which
 * members are enough to start an array) are in sh/shim/mdraid.sh.
 */

/** The RAID levels the simulator models, as mdadm names them (`--level=`). */
export const RAID_LEVELS = ["linear", "raid0", "raid1", "raid4", "raid5", "raid6", "raid10"] as const;
export type RaidLevel = (typeof RAID_LEVELS)[number];

interface LevelInfo {
  /** The kernel module of its personality (what md requests as md-level-N). */
  module: string;
  /** The personalities that module registers, in order (/proc/mdstat's `Personalities :`). */
  personalities: string[];
  /** mdadm's default chunk in KiB (Create.c: 512 for the striped levels, none for linear and raid1). */
  chunkKb: number;
  /** The fewest members mdadm --create accepts (raid0, linear and raid1 take 1 only with --force). */
  minMembers: number;
  /**
   * errno text of RUN_ARRAY when the kernel refuses to run too few members (mdadm --run):
   * raid0's create_strip_zones -EINVAL; raid5/6's raid5_run and raid10_run -EIO. (linear_run
   * returns 1, not an errno; mdadm then prints whatever errno holds: shown as EINVAL.)
   */
  runErrno: string;
}

const LEVELS: Record<RaidLevel, LevelInfo> = {
  linear: { module: "linear", personalities: ["linear"], chunkKb: 0, minMembers: 1, runErrno: "Invalid argument" },
  raid0: { module: "raid0", personalities: ["raid0"], chunkKb: 512, minMembers: 1, runErrno: "Invalid argument" },
  raid1: { module: "raid1", personalities: ["raid1"], chunkKb: 0, minMembers: 1, runErrno: "Input/output error" },
  raid4: { module: "raid456", personalities: ["raid6", "raid5", "raid4"], chunkKb: 512, minMembers: 2, runErrno: "Input/output error" },
  raid5: { module: "raid456", personalities: ["raid6", "raid5", "raid4"], chunkKb: 512, minMembers: 2, runErrno: "Input/output error" },
  raid6: { module: "raid456", personalities: ["raid6", "raid5", "raid4"], chunkKb: 512, minMembers: 4, runErrno: "Input/output error" },
  raid10: { module: "raid10", personalities: ["raid10"], chunkKb: 512, minMembers: 2, runErrno: "Input/output error" },
};

/** What the shims need to know about one array. */
export interface RaidGeometry {
  level: RaidLevel;
  /** The level as mdadm's enough() takes it: -1 for linear, else the number. */
  levelNumber: number;
  /** Its member count (the superblock's raid_disks). */
  raidDisks: number;
  module: string;
  personalities: string[];
  runErrno: string;
  /** The running array's size in KiB: /proc/partitions, sysfs and mdstat's `N blocks`. */
  arrayKb: number;
  /** Each member's data area in KiB (an inactive array's mdstat counts those present). */
  dataKb: number[];
  /** mdstat's text after `super 1.2` up to the slots: ` 512k chunks`, ` level 5, 512k chunk, algorithm 2` … */
  status: string;
  /** Whether mdstat shows `[n/m] [UU_]` (every level with redundancy). */
  slots: boolean;
}

export function levelInfo(level: RaidLevel): LevelInfo {
  return LEVELS[level];
}

/** super1.c choose_bm_space(): sectors kept for a bitmap, by device size in sectors. */
function bitmapSpace(devSectors: number): number {
  if (devSectors < 64 * 2) return 0;
  if (devSectors - 64 * 2 >= 200 * 1024 * 1024 * 2) return 128 * 2;
  if (devSectors - 4 * 2 > 8 * 1024 * 1024 * 2) return 64 * 2;
  return 4 * 2;
}

/**
 * super1.c validate_geometry1() for metadata 1.2: the data offset (sectors) chosen on the
 * first member and used for all: 12 KiB of superblock and bad-block log, the bitmap space, and
 * reshape headroom of about 0.1% of the device (at most 128 MiB, halved while more than that,
 * but kept at 4 chunks), rounded up to 1 MiB.
 */
function dataOffset(devSectors: number, chunkKb: number): number {
  let headroom = 128 * 1024 * 2;
  while (headroom * 1024 > devSectors && (chunkKb === 0 || headroom / 2 >= chunkKb * 2 * 2)) headroom = Math.floor(headroom / 2);
  const sectors = 12 * 2 + bitmapSpace(devSectors) + headroom;
  return Math.ceil(sectors / 2048) * 2048;
}

/** The geometry of an array of `level` over members of these sizes (KiB), as `mdadm --create` makes it. */
export function raidGeometry(level: RaidLevel, memberKb: number[]): RaidGeometry {
  const info = LEVELS[level];
  const n = memberKb.length;
  const chunk = info.chunkKb;
  const offset = n > 0 ? dataOffset(memberKb[0]! * 2, chunk) : 0;
  const dataKb = memberKb.map((kb) => Math.max(0, Math.floor((kb * 2 - offset) / 2)));
  const smallest = n > 0 ? Math.min(...dataKb) : 0;
  const roundTo = (kb: number, unit: number) => (unit > 0 ? kb - (kb % unit) : kb);
  // Create.c: the component size is the smallest member's data, rounded to the chunk (raid1 to 64 KiB).
  const component = roundTo(smallest, level === "raid1" ? 64 : chunk);
  let arrayKb: number;
  switch (level) {
    case "linear":
      arrayKb = dataKb.reduce((a, b) => a + b, 0);
      break;
    case "raid0":
      // raid0 stripes over each member's whole data area, rounded to the chunk.
      arrayKb = dataKb.reduce((a, b) => a + roundTo(b, chunk), 0);
      break;
    case "raid1":
      arrayKb = component;
      break;
    case "raid4":
    case "raid5":
      arrayKb = component * (n - 1);
      break;
    case "raid6":
      arrayKb = component * (n - 2);
      break;
    case "raid10":
      // raid10_size(): chunks per member × members ÷ near copies (2).
      arrayKb = Math.floor(((component / chunk) * n) / 2) * chunk;
      break;
  }
  // The personalities' status functions (raid0_status, linear_status, raid5_status, raid10_status).
  const status = {
    linear: " 0k rounding",
    raid0: ` ${chunk}k chunks`,
    raid1: "",
    raid4: ` level 4, ${chunk}k chunk, algorithm 0`,
    raid5: ` level 5, ${chunk}k chunk, algorithm 2`,
    raid6: ` level 6, ${chunk}k chunk, algorithm 2`,
    raid10: `${n > 2 ? ` ${chunk}K chunks` : ""} 2 near-copies`,
  }[level];
  return {
    level,
    levelNumber: level === "linear" ? -1 : Number(level.slice(4)),
    raidDisks: n,
    module: info.module,
    personalities: info.personalities,
    runErrno: info.runErrno,
    arrayKb: Math.max(0, arrayKb),
    dataKb,
    status,
    slots: level !== "linear" && level !== "raid0",
  };
}
