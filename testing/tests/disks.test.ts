/**
 * Disks and partitions as the init sees them: the partition table it reads from /dev/DISK
 * with busybox's od (a GPT or an MBR, checked with zlib's CRC-32), and sysfs laid out like
 * the kernel's, for disks present at boot, disks that appear later, and device-mapper devices.
 */
import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { hasBlockNode, inlineInit } from "./helpers.ts";

/** Runs `od -A n -t x1 -v -j OFFSET -N COUNT DISK` for each [offset, count] and returns the bytes read. */
async function readDisk(disk: string, ranges: [number, number][], scenario: Parameters<typeof simulate>[1]): Promise<Buffer[]> {
  const lines = ranges.map(([offset, count]) => `echo '#'; od -A n -t x1 -v -j ${offset} -N ${count} ${disk}`);
  const run = await simulate(inlineInit([...lines, "exec reboot -f"].join("\n")), scenario);
  return run.console
    .split("#\n")
    .slice(1)
    .map((dump) => Buffer.from(dump.trim().split(/\s+/).filter(Boolean).map((h) => parseInt(h, 16))));
}

/** A GUID as GPT stores it, read back as text. */
function guidText(b: Buffer): string {
  const hex = (x: Buffer) => x.toString("hex");
  const rev = (x: Buffer) => Buffer.from(x).reverse();
  return `${hex(rev(b.subarray(0, 4)))}-${hex(rev(b.subarray(4, 6)))}-${hex(rev(b.subarray(6, 8)))}-${hex(b.subarray(8, 10))}-${hex(b.subarray(10, 16))}`;
}

const crc = (b: Buffer) => (zlibCrc32 as (data: Buffer) => number)(b) >>> 0;

describe("partition tables, read with od from /dev/DISK", () => {
  it("a GPT: protective MBR, a valid header at LBA 1, entries from LBA 2 with each partuuid and partlabel", async () => {
    const partuuid = "5B1D2C3E-0A4F-4B6E-9C8D-7E6F5A4B3C2D";
    const [mbr, header, entries, backup] = await readDisk("/dev/sda", [[0, 512], [512, 92], [1024, 128 * 128], [(8192 * 2 - 1) * 512, 92]], {
      devices: [
        { name: "sda", blocks: 8192 },
        { name: "sda1", type: "vfat", partlabel: "EFI system", blocks: 1024, partuuid },
        { name: "sda2", type: "ext4", partlabel: "rööt ✓", blocks: 4096 },
      ],
    });
    expect(mbr!.readUInt16LE(510)).toBe(0xaa55);
    expect(mbr![446 + 4]).toBe(0xee);
    expect(mbr!.readUInt32LE(446 + 8)).toBe(1);
    expect(header!.subarray(0, 8).toString("latin1")).toBe("EFI PART");
    const zeroed = Buffer.from(header!);
    zeroed.writeUInt32LE(0, 16);
    expect(header!.readUInt32LE(16)).toBe(crc(zeroed));
    expect(header!.readBigUInt64LE(24)).toBe(1n); // this header
    expect(header!.readBigUInt64LE(32)).toBe(16383n); // the backup, on the last sector
    expect(header!.readBigUInt64LE(72)).toBe(2n); // the entries
    expect([header!.readUInt32LE(80), header!.readUInt32LE(84)]).toEqual([128, 128]);
    expect(header!.readUInt32LE(88)).toBe(crc(entries!));
    const entry = (n: number) => entries!.subarray((n - 1) * 128, n * 128);
    const name = (e: Buffer) => e.subarray(56, 128).toString("utf16le").replace(/\0+$/, "");
    expect(guidText(entry(1).subarray(16, 32))).toBe(partuuid.toLowerCase());
    expect(name(entry(1))).toBe("EFI system");
    expect(name(entry(2))).toBe("rööt ✓");
    expect([entry(1).readBigUInt64LE(32), entry(1).readBigUInt64LE(40)]).toEqual([2048n, 4095n]);
    expect([entry(2).readBigUInt64LE(32), entry(2).readBigUInt64LE(40)]).toEqual([4096n, 12287n]);
    expect(guidText(entry(1).subarray(0, 16))).toBe("c12a7328-f81f-11d2-ba4b-00a0c93ec93b"); // EFI system partition
    expect(guidText(entry(2).subarray(0, 16))).toBe("0fc63daf-8483-4772-8e79-3d69d8477de4"); // Linux filesystem data
    expect(backup!.subarray(0, 8).toString("latin1")).toBe("EFI PART");
    expect(backup!.readBigUInt64LE(24)).toBe(16383n);
    expect(backup!.readBigUInt64LE(72)).toBe(16383n - 32n);
  });

  it("an MBR: the disk signature the SSSSSSSS-PP partuuids name, and the primary partitions", async () => {
    const [mbr] = await readDisk("/dev/vdb", [[0, 512]], {
      devices: [
        { name: "vdb1", type: "ext4", partuuid: "0A0B0C0D-01", blocks: 2048 },
        { name: "vdb2", type: "swap", blocks: 1024 },
      ],
    });
    expect(mbr!.readUInt32LE(440).toString(16)).toBe("a0b0c0d");
    expect(mbr!.readUInt16LE(510)).toBe(0xaa55);
    const part = (n: number) => mbr!.subarray(446 + 16 * (n - 1), 446 + 16 * n);
    expect([part(1)[4], part(1).readUInt32LE(8), part(1).readUInt32LE(12)]).toEqual([0x83, 2048, 4096]);
    expect([part(2)[4], part(2).readUInt32LE(8), part(2).readUInt32LE(12)]).toEqual([0x82, 6144, 2048]);
    expect(part(3).every((b) => b === 0)).toBe(true);
  });

  it("a disk without partitions reads as zeros; a partition reads as nothing", async () => {
    const run = await simulate(inlineInit("od -A n -t x1 -N 4 /dev/vdc; echo '#'; od -A n -t x1 -N 4 /dev/vdd1; echo 'end'\nexec reboot -f"), {
      devices: [{ name: "vdc" }, { name: "vdd1" }],
    });
    expect(run.console).toBe(" 00 00 00 00\n#\nend\n");
  });

  it("reads the disk where the init moved /dev, and not at /dev any more; dd, hexdump, xxd and head too", async () => {
    const run = await simulate(
      inlineInit(
        [
          "dd if=/dev/vda bs=512 skip=1 count=1 2>/dev/null | head -c 8; echo",
          "hexdump -C -s 512 -n 8 /dev/vda",
          "xxd -s 512 -l 8 /dev/vda",
          "head -c 512 /dev/vda | od -A n -t x1 -j 510",
          "mount -t devtmpfs devtmpfs /dev",
          "mount --move /dev /newdev",
          'od -N 4 /dev/vda; echo "rc=$?"',
          "od -A n -t x1 -N 4 -j 510 /newdev/vda",
          "exec reboot -f",
        ].join("\n"),
      ),
      { devices: [{ name: "vda1", type: "ext4" }], dirs: ["/newdev"] },
    );
    expect(run.console).toBe(
      [
        "EFI PART",
        "00000200  45 46 49 20 50 41 52 54                           |EFI PART|",
        "00000208",
        "00000200: 4546 4920 5041 5254                      EFI PART",
        " 55 aa",
        "od: /dev/vda: No such file or directory",
        "rc=1",
        " 55 aa 45 46",
        "",
      ].join("\n"),
    );
  });
});

describe("sysfs like the kernel's", () => {
  it("disks and partitions: uevent, partition, start, size, dev, .. of a partition, queue, /sys/block, /sys/dev/block", async () => {
    const show = (f: string) => `printf '%s: %s\\n' "${f}" "$(cat ${f} | tr '\\n' ' ')"`;
    const run = await simulate(
      inlineInit(
        [
          ...["/sys/class/block/sda1/uevent", "/sys/class/block/sda1/partition", "/sys/class/block/sda1/start", "/sys/class/block/sda1/size"].map(show),
          ...["/sys/class/block/sda1/../uevent", "/sys/class/block/sda/queue/logical_block_size", "/sys/block/sda/dev", "/sys/dev/block/8:2/uevent"].map(show),
          "[ -e /sys/block/sda1 ] || echo 'no /sys/block/sda1'",
          "sleep 1",
          ...["/sys/class/block/vdb1/uevent", "/sys/class/block/vdb1/../uevent", "/sys/class/block/vdb/size"].map(show),
          "exec reboot -f",
        ].join("\n"),
      ),
      {
        devices: [
          { name: "sda1", type: "ext4", partlabel: "Ünïcode \t✓", blocks: 1024 },
          { name: "sda2", blocks: 1024 },
          { name: "vdb1", appearsAfter: 1, blocks: 2048 },
        ],
      },
    );
    expect(run.console).toBe(
      [
        // PARTNAME: each UTF-16 unit's low 7 bits (Ü is 0xDC: \, ï 0xEF: o), anything not printable is !.
        "/sys/class/block/sda1/uevent: MAJOR=8 MINOR=1 DEVNAME=sda1 DEVTYPE=partition DISKSEQ=1 PARTN=1 PARTNAME=\\nocode !! ",
        "/sys/class/block/sda1/partition: 1 ",
        "/sys/class/block/sda1/start: 2048 ",
        "/sys/class/block/sda1/size: 2048 ",
        "/sys/class/block/sda1/../uevent: MAJOR=8 MINOR=0 DEVNAME=sda DEVTYPE=disk DISKSEQ=1 ",
        "/sys/class/block/sda/queue/logical_block_size: 512 ",
        "/sys/block/sda/dev: 8:0 ",
        "/sys/dev/block/8:2/uevent: MAJOR=8 MINOR=2 DEVNAME=sda2 DEVTYPE=partition DISKSEQ=1 PARTN=2 ",
        "no /sys/block/sda1",
        "/sys/class/block/vdb1/uevent: MAJOR=254 MINOR=17 DEVNAME=vdb1 DEVTYPE=partition DISKSEQ=2 PARTN=1 ",
        "/sys/class/block/vdb1/../uevent: MAJOR=254 MINOR=16 DEVNAME=vdb DEVTYPE=disk DISKSEQ=2 ",
        "/sys/class/block/vdb/size: 8192 ",
        "",
      ].join("\n"),
    );
  });

  it.skipIf(!hasBlockNode)("device-mapper devices are virtual block devices", async () => {
    const run = await simulate(
      inlineInit(["printf 'secret\\n' | cryptsetup open /dev/vda2 root", "cat /sys/class/block/dm-0/uevent /sys/block/dm-0/dev", "readlink /sys/class/block/dm-0", "exec reboot -f"].join("\n")),
      { devices: [{ name: "vda2", luks: { passphrase: "secret", contents: { type: "ext4" } } }] },
    );
    expect(run.console).toBe("MAJOR=253\nMINOR=0\nDEVNAME=dm-0\nDEVTYPE=disk\nDISKSEQ=2\n253:0\n../../devices/virtual/block/dm-0\n");
  });
});
