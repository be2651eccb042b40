/**
 * mdadm --assemble and /proc/mdstat, as mdadm 4.2's Assemble.c and Linux 6.1's md.c have them:
 * a mirror starts degraded from one member (a QEMU boot of Debian's mdadm 4.2 printed
 * `mdadm: /dev/md/0 has been started with 1 drive (out of 2).`), a stripe does not, and what
 * mdadm says, its status, and what the kernel shows after each.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import type { RaidArray, Scenario } from "../types.ts";
import { raidGeometry } from "../mdraid.ts";
import { hasBlockNode, inlineInit } from "./helpers.ts";

/** Runs these lines as the init (then reboots) and returns the console. */
async function consoleOf(lines: string[], scenario: Scenario): Promise<string> {
  const run = await simulate(inlineInit([...lines, "exec reboot -f"].join("\n")), { utilLinux: true, ...scenario });
  return run.console;
}

const members = [{ name: "vda", type: "linux_raid_member" }, { name: "vdb", type: "linux_raid_member" }];
const mirror = (extra: Partial<RaidArray> = {}): RaidArray => ({ name: "md0", members: ["/dev/vda", "/dev/vdb"], type: "ext4", label: "root", ...extra });
const rc = 'echo "rc=$?"';
const mdstat = "if [ -e /proc/mdstat ]; then cat /proc/mdstat; else echo 'no /proc/mdstat'; fi";
const md0InPartitions = 'while read -r a b c name; do [ "$name" = md0 ] && echo "partitions: md0 $c"; done </proc/partitions';

describe("mdadm --assemble --scan", () => {
  it("starts a mirror degraded from one member, and gives up on the other when it comes later", async () => {
    const text = await consoleOf(
      [mdstat, `mdadm --assemble --scan; ${rc}`, mdstat, md0InPartitions, "blkid /dev/md0", "sleep 1", `mdadm -As; ${rc}`, mdstat],
      { devices: [members[0]!, { ...members[1]!, appearsAfter: 1 }], raidArrays: [mirror()] },
    );
    expect(text).toBe(
      [
        "no /proc/mdstat",
        // Assemble.c start_array(): enough() (a mirror runs from one member) and a partial start allowed under --scan.
        "mdadm: /dev/md0 has been started with 1 drive (out of 2).",
        "rc=0",
        "Personalities : [raid1] ",
        "md0 : active raid1 vda[0]",
        "      1046528 blocks super 1.2 [2/1] [U_]",
        "      ",
        "unused devices: <none>",
        "partitions: md0 1046528",
        '/dev/md0: LABEL="root" TYPE="ext4"',
        // The second member holds the array's UUID, which the map says is running: Assemble() gives up.
        "mdadm: Found some drive for an array that is already active: /dev/md0",
        "mdadm: giving up.",
        "mdadm: No arrays found in config file or automatically",
        "rc=1",
        "Personalities : [raid1] ",
        "md0 : active raid1 vda[0]",
        "      1046528 blocks super 1.2 [2/1] [U_]",
        "      ",
        "unused devices: <none>",
        "",
      ].join("\n"),
    );
  });

  it("starts a whole mirror with both, lists the first role first, and finds nothing more the second time", async () => {
    const text = await consoleOf([`mdadm --assemble --scan; ${rc}`, mdstat, `mdadm --assemble --scan; ${rc}`], { devices: members, raidArrays: [mirror()] });
    expect(text).toBe(
      [
        "mdadm: /dev/md0 has been started with 2 drives.",
        "rc=0",
        "Personalities : [raid1] ",
        "md0 : active raid1 vda[0] vdb[1]",
        "      1046528 blocks super 1.2 [2/2] [UU]",
        "      ",
        "unused devices: <none>",
        // Both members are held by md0 (busy): auto-assembly finds nothing.
        "mdadm: No arrays found in config file or automatically",
        "rc=1",
        "",
      ].join("\n"),
    );
  });

  it("does not start a stripe with a member missing; --run tries and the kernel refuses", async () => {
    const text = await consoleOf([`mdadm -As; ${rc}`, mdstat, "[ -e /dev/md0 ] || echo 'no /dev/md0'", `mdadm -As --run; ${rc}`, mdstat], {
      devices: [members[0]!],
      raidArrays: [mirror({ level: "raid0" })],
    });
    expect(text).toBe(
      [
        "mdadm: /dev/md0 assembled from 1 drive - not enough to start the array.",
        "mdadm: No arrays found in config file or automatically",
        "rc=1",
        "Personalities : ",
        "unused devices: <none>",
        "no /dev/md0",
        // raid0's create_strip_zones: too few disks, -EINVAL.
        "mdadm: failed to RUN_ARRAY /dev/md0: Invalid argument",
        "mdadm: Not enough devices to start the array.",
        "mdadm: No arrays found in config file or automatically",
        "rc=1",
        "Personalities : [raid0] ",
        "unused devices: <none>",
        "",
      ].join("\n"),
    );
  });

  it("starts raid5 without one member, raid6 without two, raid10 without one of a pair, and not beyond", async () => {
    const disks = (names: string) => names.split(" ").map((n) => `/dev/vd${n}`);
    const present = "a b d e h i l n".split(" ").map((n) => ({ name: `vd${n}`, type: "linux_raid_member" }));
    const text = await consoleOf([`mdadm -As; ${rc}`, mdstat], {
      devices: present,
      raidArrays: [
        { name: "md0", level: "raid5", members: disks("a b c") },
        { name: "md1", level: "raid6", members: disks("d e f g") },
        { name: "md2", level: "raid10", members: disks("h i j k") },
        { name: "md3", level: "raid10", members: disks("l m n o") },
      ],
    });
    expect(text).toBe(
      [
        "mdadm: /dev/md0 has been started with 2 drives (out of 3).",
        "mdadm: /dev/md1 has been started with 2 drives (out of 4).",
        // raid10 near 2: members 0,1 and 2,3 hold the same data; md2 has neither of 2,3.
        "mdadm: /dev/md2 assembled from 2 drives - not enough to start the array.",
        "mdadm: /dev/md3 has been started with 2 drives (out of 4).",
        "rc=0",
        "Personalities : [raid6] [raid5] [raid4] [raid10] ",
        "md3 : active raid10 vdl[0] vdn[2]",
        "      2093056 blocks super 1.2 512K chunks 2 near-copies [4/2] [U_U_]",
        "      ",
        "md1 : active raid6 vdd[0] vde[1]",
        "      2093056 blocks super 1.2 level 6, 512k chunk, algorithm 2 [4/2] [UU__]",
        "      ",
        "md0 : active raid5 vda[0] vdb[1]",
        "      2093056 blocks super 1.2 level 5, 512k chunk, algorithm 2 [3/2] [UU_]",
        "      ",
        "unused devices: <none>",
        "",
      ].join("\n"),
    );
  });

  it("with --no-degraded leaves a degraded mirror assembled but not started, then merges the late member", async () => {
    const text = await consoleOf(
      [
        `mdadm --assemble --scan --no-degraded; ${rc}`,
        "[ -b /dev/md0 ] && echo 'md0 node'",
        `blkid /dev/md0; ${rc}`,
        md0InPartitions,
        mdstat,
        "sleep 1",
        `mdadm --assemble --scan --no-degraded; ${rc}`,
        "blkid /dev/md0",
        md0InPartitions,
        mdstat,
      ],
      { devices: [members[0]!, { ...members[1]!, appearsAfter: 1 }], raidArrays: [mirror()] },
    );
    expect(text).toBe(
      [
        // start_array(): runstop -1 — "but not started", status 2, which Assemble() returns as 0.
        "mdadm: /dev/md0 assembled from 1 drive (out of 2), but not started.",
        "rc=0",
        ...(hasBlockNode ? ["md0 node"] : []),
        "rc=2",
        "Personalities : ",
        "md0 : inactive vda[0](S)",
        "      1046528 blocks super 1.2",
        "       ",
        "unused devices: <none>",
        "mdadm: Merging with already-assembled /dev/md0",
        "mdadm: /dev/md0 has been started with 2 drives.",
        "rc=0",
        '/dev/md0: LABEL="root" TYPE="ext4"',
        "partitions: md0 1046528",
        "Personalities : [raid1] ",
        "md0 : active raid1 vdb[1] vda[0]",
        "      1046528 blocks super 1.2 [2/2] [UU]",
        "      ",
        "unused devices: <none>",
        "",
      ].join("\n"),
    );
  });

  it("-q silences the start, not the failures; a missing personality module makes RUN_ARRAY fail", async () => {
    const quiet = await consoleOf([`mdadm -Asq; ${rc}`], { devices: members, raidArrays: [mirror()] });
    expect(quiet).toBe("rc=0\n");
    const noModule = await consoleOf([`mdadm -As; ${rc}`, "[ -e /dev/md0 ] || echo 'no /dev/md0'"], { devices: members, raidArrays: [mirror()], missingModules: ["raid1"] });
    expect(noModule).toBe(
      ["mdadm: failed to RUN_ARRAY /dev/md0: Invalid argument", "mdadm: No arrays found in config file or automatically", "rc=1", "no /dev/md0", ""].join("\n"),
    );
  });
});

describe("mdadm --assemble MDDEV [DEVICE…]", () => {
  it("needs every listed member in sync (or --run), refuses a device that is missing, and knows its usage errors", async () => {
    const text = await consoleOf(
      [
        `mdadm --assemble; ${rc}`,
        `mdadm --assemble /dev/md0 --no-degraded; ${rc}`,
        `mdadm --assemble /dev/md0 --no-degraded --run; ${rc}`,
        `mdadm --assemble /dev/md9; ${rc}`,
        `mdadm --assemble /dev/md0 /dev/vda /dev/vdc; ${rc}`,
        `mdadm --assemble /dev/md0 /dev/vda; ${rc}`,
        `mdadm --assemble --run /dev/md0 /dev/vda; ${rc}`,
        `mdadm --assemble /dev/md0 /dev/vda /dev/vdb; ${rc}`,
        mdstat,
      ],
      { devices: members, raidArrays: [mirror()] },
    );
    expect(text).toBe(
      [
        "mdadm: an md device must be given in this mode",
        "rc=2",
        "mdadm: --no-degraded not meaningful without a --scan assembly.",
        "rc=1",
        "mdadm: Cannot both Stop and Run an array",
        "rc=2",
        "mdadm: /dev/md9 not identified in config file.",
        "rc=1",
        "mdadm: cannot open device /dev/vdc: No such file or directory",
        "mdadm: /dev/vdc has no superblock - assembly aborted",
        "rc=1",
        // A device list without --run or --force: start_partial_ok is false, every member that was in sync is needed.
        "mdadm: /dev/md0 assembled from 1 drive - need all 2 to start it (use --run to insist).",
        "rc=1",
        "mdadm: /dev/md0 has been started with 1 drive (out of 2).",
        "rc=0",
        "mdadm: /dev/vda is busy - skipping",
        "mdadm: Found some drive for an array that is already active: /dev/md0",
        "mdadm: giving up.",
        "rc=1",
        "Personalities : [raid1] ",
        "md0 : active raid1 vda[0]",
        "      1046528 blocks super 1.2 [2/1] [U_]",
        "      ",
        "unused devices: <none>",
        "",
      ].join("\n"),
    );
  });

  it("assembles the array a config file would name from what is present; nothing present: status 2, silently", async () => {
    const text = await consoleOf([`mdadm --assemble /dev/md0; ${rc}`, "sleep 1", `mdadm --assemble /dev/md0; ${rc}`, `mdadm --assemble /dev/md0; ${rc}`], {
      devices: [{ ...members[0]!, appearsAfter: 1 }, { ...members[1]!, appearsAfter: 1 }],
      raidArrays: [mirror()],
    });
    expect(text).toBe(["rc=2", "mdadm: /dev/md0 has been started with 2 drives.", "rc=0", "rc=2", ""].join("\n"));
  });
});

describe("md in the kernel", () => {
  it("shows /proc/mdstat once modprobe loads md or a personality", async () => {
    const text = await consoleOf([mdstat, "modprobe md_mod", mdstat, "modprobe raid456", "modprobe -a raid1 raid0", mdstat], {});
    expect(text).toBe(
      [
        "no /proc/mdstat",
        "Personalities : ",
        "unused devices: <none>",
        "Personalities : [raid6] [raid5] [raid4] [raid1] [raid0] ",
        "unused devices: <none>",
        "",
      ].join("\n"),
    );
  });

  it("sizes arrays as mdadm 4.2 makes them (metadata 1.2: the data offset, rounding to the chunk)", () => {
    // The QEMU suite's RAID1 disks (80 MiB), made by mdadm 4.2: data_offset 2048 sectors, size 161792 sectors.
    expect(raidGeometry("raid1", [81920, 81920]).arrayKb).toBe(80896);
    const gib = 1048576;
    expect(raidGeometry("raid1", [gib, gib]).arrayKb).toBe(1046528);
    expect(raidGeometry("raid0", [gib, gib]).arrayKb).toBe(2 * 1046528);
    expect(raidGeometry("raid5", [gib, gib, gib]).arrayKb).toBe(2 * 1046528);
    expect(raidGeometry("raid10", [gib, gib, gib, gib]).arrayKb).toBe(2 * 1046528);
    expect(raidGeometry("raid10", [gib, gib, gib]).status).toBe(" 512K chunks 2 near-copies");
  });
});

describe("mdadm --examine --scan", () => {
  /** A RAID1 member made by the real mdadm 4.2 in the QEMU suite's guest, when this machine has provisioned it. */
  const realMember = (() => {
    const dir = join(import.meta.dirname, "..", "..", "node_modules", ".cache", "initsh-qemu", "storage");
    if (!existsSync(dir)) return undefined;
    const raid = readdirSync(dir).find((d) => d.startsWith("raid1-") && existsSync(join(dir, d, "disk0.img")));
    return raid === undefined ? undefined : join(dir, raid, "disk0.img");
  })();
  const hasMdadm = spawnSync("mdadm", ["--version"]).status === 0;
  const shape = (line: string) => line.replace(/UUID=[0-9a-f:]+/, "UUID=…");

  it("prints one ARRAY line per array with a member present (-v: level, members, devices), status 0 also for none", async () => {
    const text = await consoleOf([`mdadm --examine --scan; ${rc}`, `mdadm -Esv --config=partitions; ${rc}`], {
      devices: [...members, { name: "vdc", type: "linux_raid_member" }],
      raidArrays: [mirror(), { name: "md1", members: ["/dev/vdc", "/dev/vdd"], level: "raid0" }, { name: "md2", members: ["/dev/vde", "/dev/vdf"] }],
    });
    const uuid = /UUID=([0-9a-f]{8}(?::[0-9a-f]{8}){3}) name=\(none\):0/.exec(text)![1];
    const uuid1 = /UUID=([0-9a-f]{8}(?::[0-9a-f]{8}){3}) name=\(none\):1/.exec(text)![1];
    expect(uuid).not.toBe(uuid1);
    expect(text).toBe(
      [
        `ARRAY /dev/md/0  metadata=1.2 UUID=${uuid} name=(none):0`,
        `ARRAY /dev/md/1  metadata=1.2 UUID=${uuid1} name=(none):1`,
        "rc=0",
        `ARRAY /dev/md/0  level=raid1 metadata=1.2 num-devices=2 UUID=${uuid} name=(none):0`,
        "   devices=/dev/vda,/dev/vdb",
        `ARRAY /dev/md/1  level=raid0 metadata=1.2 num-devices=2 UUID=${uuid1} name=(none):1`,
        "   devices=/dev/vdc",
        "rc=0",
        "",
      ].join("\n"),
    );
    expect(await consoleOf([`mdadm -Es; ${rc}`], { devices: [{ name: "vda", type: "ext4" }] })).toBe("rc=0\n");
  });

  it.skipIf(realMember === undefined || !hasMdadm)("lays the line out as the real mdadm 4.2 does on a member it made", async () => {
    const real = spawnSync("mdadm", ["--examine", "--brief", realMember!], { encoding: "utf8" });
    const sim = await consoleOf(["mdadm -Es"], { devices: members, raidArrays: [mirror()] });
    expect(shape(sim.split("\n")[0]!)).toBe(shape(real.stdout.split("\n")[0]!));
  });
});
