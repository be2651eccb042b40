import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { displayArgv } from "../quote.ts";
import { splitQuotedWords } from "../results.ts";
import { buildModel } from "../scenario.ts";
import type { Scenario } from "../types.ts";
import { inlineInit } from "./helpers.ts";

describe("scenario checks", () => {
  const bad: [string, unknown, RegExp][] = [
    ["unknown field", { devise: [] }, /devise: is not a scenario field/],
    ["device name with a slash", { devices: [{ name: "disk/a" }] }, /devices\[0\]\.name: .* is not a device name/],
    ["device defined twice", { devices: [{ name: "vda" }, { name: "vda" }] }, /\/dev\/vda is defined twice/],
    ["label with a newline", { devices: [{ name: "vda", label: "a\nb" }] }, /devices\[0\]\.label: must not contain newlines/],
    ["negative appearsAfter", { devices: [{ name: "vda", appearsAfter: -1 }] }, /appearsAfter: must be a non-negative number/],
    ["empty passphrase list", { devices: [{ name: "vda", luks: { passphrase: [] } }] }, /needs at least one passphrase/],
    ["override with argv and prefix", { commands: [{ argv: ["a"], prefix: ["a"] }] }, /needs exactly one of argv and prefix/],
    ["override of a path", { commands: [{ argv: ["/bin/mount"] }] }, /must be a command name/],
    ["console line with a control character", { console: ["a\u0003"] }, /console\[0\]: must not contain newlines or control characters/],
    ["relative file path", { files: { "etc/x": "" } }, /must be an absolute path/],
    ["file in /.sim", { files: { "/.sim/data.sh": "" } }, /\/\.sim belongs to the simulator/],
    ["md name", { raidArrays: [{ name: "raid", members: [] }] }, /must look like md0/],
    ["pv not under /dev", { volumeGroups: [{ name: "vg", pvs: ["vda2"], lvs: [] }] }, /is not a \/dev\/… path/],
    ["label without a type", { devices: [{ name: "vda", label: "root" }] }, /devices\[0\]\.label: needs a filesystem type/],
    ["uuid without a type", { raidArrays: [{ name: "md0", members: [], uuid: "x" }] }, /raidArrays\[0\]\.uuid: needs a filesystem type/],
    ["unknown RAID level", { raidArrays: [{ name: "md0", members: ["/dev/vda"], level: "raid3" }] }, /raidArrays\[0\]\.level: must be one of linear, raid0, raid1, raid4, raid5, raid6, raid10/],
    ["raid6 of three", { raidArrays: [{ name: "md0", level: "raid6", members: ["/dev/vda", "/dev/vdb", "/dev/vdc"] }] }, /raidArrays\[0\]\.members: a raid6 array needs at least 4 members/],
    ["an array of no member", { raidArrays: [{ name: "md0", members: [] }] }, /raidArrays\[0\]\.members: a raid1 array needs at least 1 member$/],
    ["a member listed twice", { raidArrays: [{ name: "md0", members: ["/dev/vda", "/dev/vda"] }] }, /raidArrays\[0\]\.members\[1\]: \/dev\/vda is listed twice/],
    [
      "a member of two arrays",
      { raidArrays: [{ name: "md0", members: ["/dev/vda"] }, { name: "md1", members: ["/dev/vdb", "/dev/vda"] }] },
      /raidArrays\[1\]\.members\[1\]: \/dev\/vda is a member of raidArrays\[0\] already/,
    ],
    ["partuuid of a whole disk", { devices: [{ name: "vdb", partuuid: "0a0b0c0d-01" }] }, /devices\[0\]\.partuuid: vdb is not a partition/],
    ["partuuid of neither form", { devices: [{ name: "vdb1", partuuid: "0001-01" }] }, /devices\[0\]\.partuuid: "0001-01" is neither a GPT partition GUID .* nor an MBR PARTUUID/],
    ["MBR partuuid of another partition number", { devices: [{ name: "vdb2", partuuid: "0a0b0c0d-01" }] }, /devices\[0\]\.partuuid: .* but vdb2 is partition 2/],
    [
      "GPT and MBR partuuids on one disk",
      { devices: [{ name: "vdb1", partuuid: "0a0b0c0d-01" }, { name: "vdb2", partuuid: "5b1d2c3e-0a4f-4b6e-9c8d-7e6f5a4b3c2d" }] },
      /devices\[1\]\.partuuid: vdb has an MBR/,
    ],
    ["two MBR disk signatures", { devices: [{ name: "vdb1", partuuid: "0a0b0c0d-01" }, { name: "vdb2", partuuid: "0a0b0c0e-02" }] }, /devices\[1\]\.partuuid: vdb's MBR has one disk signature/],
    ["partlabel on an MBR disk", { devices: [{ name: "vdb1", partuuid: "0a0b0c0d-01", partlabel: "root" }] }, /devices\[0\]\.partlabel: .* a partlabel needs a GPT/],
    ["partlabel too long", { devices: [{ name: "vdb1", partlabel: "x".repeat(37) }] }, /devices\[0\]\.partlabel: .* longer than a GPT partition name/],
    ["fifth MBR partition", { devices: [{ name: "vdb5", partuuid: "0a0b0c0d-05" }] }, /devices\[0\]\.name: vdb5: an MBR disk .* 1 to 4/],
    ["partition 16 of a lettered disk", { devices: [{ name: "sda16" }] }, /devices\[0\]\.name: sda16: sda has partitions 1 to 15 at most/],
    ["a filesystem on a partitioned disk", { devices: [{ name: "vdb", type: "ext4" }, { name: "vdb1" }] }, /devices\[0\]\.type: vdb holds partitions \(vdb1\)/],
    ["a partition before its disk", { devices: [{ name: "vdb", appearsAfter: 2 }, { name: "vdb1", appearsAfter: 1 }] }, /devices\[1\]\.appearsAfter: vdb1 cannot appear before its disk vdb/],
    ["a disk too small for its partitions", { devices: [{ name: "vdb", blocks: 1024 }, { name: "vdb1", blocks: 1024 }] }, /devices\[0\]\.blocks: vdb is too small for its partitions: it needs at least 2065 blocks/],
    ["partition 0", { devices: [{ name: "vdb0" }] }, /partition numbers start at 1/],
    ["memory below 4 MiB", { memory: { totalKb: 100 } }, /memory\.totalKb: must be at least 4096/],
    ["free memory above the total", { memory: { totalKb: 8192, freeKb: 9000 } }, /memory\.freeKb: must not exceed totalKb/],
    ["utilLinux not a boolean", { utilLinux: "yes" }, /utilLinux: must be true or false/],
  ];
  for (const [what, scenario, message] of bad) {
    it(`rejects ${what}`, () => {
      expect(() => buildModel(scenario as Scenario)).toThrow(message);
    });
  }

  it("rejects a bad scenario before running anything", async () => {
    await expect(simulate(inlineInit("exec reboot -f"), { timeoutMs: 0 })).rejects.toThrow(/timeoutMs: must be positive/);
  });

  it("rejects an init that cannot be read", async () => {
    await expect(simulate("/nonexistent/init.sh", {})).rejects.toThrow(/cannot read the init script \/nonexistent\/init\.sh/);
  });

  it("numbers devices like the kernel does, a partition's disk before it", () => {
    const model = buildModel({
      devices: [{ name: "sda" }, { name: "sdb2" }, { name: "vdc1" }, { name: "nvme0n1p1" }, { name: "nvme0n1p2" }, { name: "mmcblk1p2" }, { name: "sr0" }, { name: "sdq" }],
    });
    expect(model.devices.map((d) => `${d.part} ${d.major}:${d.minor}`)).toEqual([
      "sda 8:0",
      "sdb 8:16",
      "sdb2 8:18",
      "vdc 254:32",
      "vdc1 254:33",
      "nvme0n1 259:0",
      "nvme0n1p1 259:1",
      "nvme0n1p2 259:2",
      "mmcblk1 179:8",
      "mmcblk1p2 179:10",
      "sr0 11:0",
      "sdq 65:0",
    ]);
  });

  it("gives a partition's disk the partition's appearance, and lays the partitions out on it", () => {
    const model = buildModel({ devices: [{ name: "vdb2", blocks: 2048, appearsAfter: 2 }, { name: "vdb1", blocks: 4096, appearsAfter: 1 }] });
    expect(model.devices.map((d) => [d.part, d.devtype, d.appearsAfterUs, d.blocks])).toEqual([
      ["vdb", "disk", 1e6, 8192],
      ["vdb2", "partition", 2e6, 2048],
      ["vdb1", "partition", 1e6, 4096],
    ]);
    expect(model.schedule.map((e) => model.devices[e.idx]!.part)).toEqual(["vdb", "vdb1", "vdb2"]);
    const table = model.devices[0]!.table!;
    expect(table.partitions.map((p) => [p.partn, p.start, p.size])).toEqual([
      [1, 2048, 8192],
      [2, 10240, 4096],
    ]);
  });
});

describe("quoting helpers", () => {
  it("reads back what sim_q writes", () => {
    expect(splitQuotedWords(`sim_m 'a b' 'it'\\''s' '' 'x\ny'`)).toEqual(["sim_m", "a b", "it's", "", "x\ny"]);
  });

  it("shows argv shell-quoted only where needed", () => {
    expect(displayArgv(["mount", "-o", "ro,x=1", "/dev/a b", "it's", "", "$(x)"])).toBe(`mount -o ro,x=1 '/dev/a b' 'it'\\''s' '' '$(x)'`);
  });
});
