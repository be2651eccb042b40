import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { argvs, fixture, hasBlockNode, inlineInit } from "./helpers.ts";

const disks = [
  { name: "vda" },
  { name: "vda1", label: "root", uuid: "1111-aaaa", type: "ext4", partuuid: "0001-01", partlabel: "system" },
  { name: "vda2", uuid: "2222-bbbb", type: "swap" },
  { name: "vdc", label: 'my "odd" \\ label', type: "vfat" },
];

describe("devices", () => {
  it.skipIf(!hasBlockNode)("makes a device appear once enough virtual time has passed", async () => {
    const run = await simulate(fixture("wait-for-root.sh"), {
      devices: [{ name: "vda", label: "boot" }, { name: "vdb", label: "root", type: "ext4", appearsAfter: 1.2 }],
    });
    expect(run.console).toBe(
      [
        "vdb absent at start",
        "vdb after 3 sleeps",
        "partition vda 254:0 1048576",
        "partition vdb 254:16 1048576",
        "sysfs vdb dev=254:16",
        "",
      ].join("\n"),
    );
    expect(run.trace.filter((t) => t.argv[0] === "sleep").map((t) => t.time)).toEqual([0, 0.5, 1]);
    expect(run.trace.at(-1)).toEqual({ argv: ["switch_root", "/newroot", "/sbin/init"], time: 1.5 });
    expect(run.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
    expect(run.mounts).toEqual([
      { source: "proc", target: "/proc", type: "proc", options: "" },
      { source: "sysfs", target: "/sys", type: "sysfs", options: "" },
      { source: "devtmpfs", target: "/dev", type: "devtmpfs", options: "" },
      { source: "/dev/vdb", target: "/newroot", type: "ext4", options: "ro" },
    ]);
  });

  it("lets the init give up when the device never comes", async () => {
    const run = await simulate(fixture("wait-for-root.sh"), { devices: [{ name: "vdb", appearsAfter: 60 }] });
    expect(run.console).toBe("vdb absent at start\ngave up\n");
    expect(run.outcome).toEqual({ kind: "rescue", argv: ["sh"], starts: 1 });
    expect(run.trace.filter((t) => t.argv[0] === "sleep")).toHaveLength(10);
  });

  it("answers findfs and blkid from the present devices", async () => {
    const run = await simulate(fixture("blkid-queries.sh"), { devices: disks });
    expect(run.console).toBe(
      [
        "/dev/vda1",
        "rc=0",
        "/dev/vda1",
        "/dev/vda1",
        "/dev/vda1",
        "findfs: unable to resolve 'LABEL=nope'",
        "rc=1",
        "-- blkid",
        '/dev/vda1: LABEL="root" UUID="1111-aaaa" TYPE="ext4" PARTLABEL="system" PARTUUID="0001-01"',
        '/dev/vda2: UUID="2222-bbbb" TYPE="swap"',
        '/dev/vdc: LABEL="my \\"odd\\" \\\\ label" TYPE="vfat"',
        "rc=0",
        "-- blkid -o device",
        "/dev/vda1",
        "/dev/vda2",
        "/dev/vdc",
        "-- -L/-U",
        "/dev/vda1",
        "/dev/vda2",
        "rc=2",
        "-- -s TYPE -o value",
        "ext4",
        "-- missing device",
        "rc=2",
        "-- export",
        "DEVNAME=/dev/vda1",
        "LABEL=root",
        "UUID=1111-aaaa",
        "TYPE=ext4",
        "PARTLABEL=system",
        "PARTUUID=0001-01",
        "-- -t TYPE=swap",
        "/dev/vda2",
        "-- quoting",
        '/dev/vdc: LABEL="my \\"odd\\" \\\\ label" TYPE="vfat"',
        "",
      ].join("\n"),
    );
  });

  it("fails mount like mount(8): missing device, missing mount point, wrong type, no fstab", async () => {
    const run = await simulate(
      inlineInit(
        [
          'mount -t ext4 /dev/vdz /newroot; echo "rc=$?"',
          'mount -t ext4 /dev/vda1 /newroot; echo "rc=$?"',
          "mkdir /newroot",
          'mount /dev/vda2 /newroot; echo "rc=$?"',
          'mount -t xfs /dev/vda1 /newroot; echo "rc=$?"',
          'mount LABEL=nope /newroot; echo "rc=$?"',
          'mount /newroot; echo "rc=$?"',
          'mount -t ext4,xfs /dev/vda1 /newroot; echo "rc=$?"',
          "exec reboot",
        ].join("\n"),
      ),
      { devices: disks },
    );
    expect(run.console).toBe(
      [
        "mount: /newroot: special device /dev/vdz does not exist.",
        "rc=32",
        "mount: /newroot: mount point does not exist.",
        "rc=32",
        "mount: /newroot: wrong fs type, bad option, bad superblock on /dev/vda2, missing codepage or helper program, or other error.",
        "rc=32",
        "mount: /newroot: wrong fs type, bad option, bad superblock on /dev/vda1, missing codepage or helper program, or other error.",
        "rc=32",
        "mount: /newroot: can't find LABEL=nope.",
        "rc=32",
        "mount: /newroot: can't find in /etc/fstab.",
        "rc=1",
        "rc=0",
        "",
      ].join("\n"),
    );
    expect(run.mounts).toEqual([{ source: "/dev/vda1", target: "/newroot", type: "ext4,xfs", options: "" }]);
  });

  it("keeps a mount table: --move, --bind, remount, umount, busy targets, /proc/mounts", async () => {
    const run = await simulate(
      inlineInit(
        [
          "mount -t proc proc /proc",
          "mount -t devtmpfs devtmpfs /dev",
          "mount -t tmpfs -o size=10% tmpfs /run",
          "mkdir -p /newroot /data",
          "mount -r /dev/vda1 /newroot",
          "mount --move /dev /newroot/dev",
          "mount --bind /run /newroot/run",
          "mount -o remount,rw /newroot",
          'mount --move /nothing /newroot/x; echo "rc=$?"',
          'umount /newroot; echo "rc=$?"',
          'umount /data; echo "rc=$?"',
          "umount /proc",
          "mount -t proc proc /proc",
          "while IFS= read -r l; do echo \"$l\"; done </proc/mounts",
          "umount -l /newroot",
          "mount -t tmpfs tmpfs '/data'",
          "mount",
          "exec reboot",
        ].join("\n"),
      ),
      { devices: disks, dirs: ["/run"] },
    );
    expect(run.console).toBe(
      [
        "mount: /nothing: not mount point or bad option.",
        "rc=32",
        "umount: /newroot: target is busy.",
        "rc=32",
        "umount: /data: not mounted.",
        "rc=32",
        "rootfs / rootfs rw 0 0",
        "tmpfs /run tmpfs size=10% 0 0",
        "/dev/vda1 /newroot ext4 rw 0 0",
        "devtmpfs /newroot/dev devtmpfs rw 0 0",
        "/run /newroot/run none bind 0 0",
        "proc /proc proc rw 0 0",
        "tmpfs on /run type tmpfs (size=10%)",
        "proc on /proc type proc (rw)",
        "tmpfs on /data type tmpfs (rw)",
        "",
      ].join("\n"),
    );
    expect(run.mounts).toEqual([
      { source: "tmpfs", target: "/run", type: "tmpfs", options: "size=10%" },
      { source: "proc", target: "/proc", type: "proc", options: "" },
      { source: "tmpfs", target: "/data", type: "tmpfs", options: "" },
    ]);
  });

  it.skipIf(!hasBlockNode)("activates LVM on LUKS only once its physical volume exists", async () => {
    const run = await simulate(
      inlineInit(
        [
          'lvm vgchange -ay; echo "rc=$?"',
          'lvm vgchange -ay vg0; echo "rc=$?"',
          "printf 'secret\\n' | cryptsetup luksOpen /dev/vda2 cryptlvm",
          "lvm vgscan",
          'lvm vgchange -ay; echo "rc=$?"',
          "[ -b /dev/vg0/root ] && [ -b /dev/mapper/vg0-root ] && [ -b /dev/dm-1 ] && echo nodes",
          "findfs LABEL=root",
          "blkid /dev/mapper/vg--data-home",
          "while read -r a b c name; do case $name in dm-*) echo \"$name\";; esac; done </proc/partitions",
          "exec reboot",
        ].join("\n"),
      ),
      {
        devices: [{ name: "vda2", luks: { passphrase: "secret", contents: { type: "LVM2_member" } } }],
        volumeGroups: [
          { name: "vg0", pvs: ["/dev/mapper/cryptlvm"], lvs: [{ name: "root", label: "root", type: "ext4" }, { name: "swap", type: "swap" }] },
          { name: "vg-data", pvs: ["/dev/mapper/cryptlvm"], lvs: [{ name: "home", type: "xfs" }] },
        ],
      },
    );
    expect(run.console).toBe(
      [
        "rc=0",
        '  Volume group "vg0" not found',
        "  Cannot process volume group vg0",
        "rc=5",
        '  Found volume group "vg0" using metadata type lvm2',
        '  Found volume group "vg-data" using metadata type lvm2',
        '  2 logical volume(s) in volume group "vg0" now active',
        '  1 logical volume(s) in volume group "vg-data" now active',
        "rc=0",
        "nodes",
        "/dev/mapper/vg0-root",
        '/dev/mapper/vg--data-home: TYPE="xfs"',
        "dm-0",
        "dm-1",
        "dm-2",
        "dm-3",
        "",
      ].join("\n"),
    );
  });

  it.skipIf(!hasBlockNode)("assembles md arrays when their members are present, and dmraid sets", async () => {
    const run = await simulate(
      inlineInit(
        [
          'mdadm --assemble --scan; echo "rc=$?"',
          "sleep 1",
          'mdadm --assemble --scan; echo "rc=$?"',
          "blkid /dev/md0",
          'dmraid -ay; echo "rc=$?"',
          "[ -b /dev/mapper/isw_x_Vol0 ] && echo dmraid-node",
          "exec reboot",
        ].join("\n"),
      ),
      {
        devices: [{ name: "sda1" }, { name: "sdb1", appearsAfter: 1 }, { name: "sdc" }, { name: "sdd" }],
        raidArrays: [{ name: "md0", members: ["/dev/sda1", "/dev/sdb1"], label: "data", type: "ext4" }],
        dmraidSets: [{ name: "isw_x_Vol0", members: ["/dev/sdc", "/dev/sdd"] }],
      },
    );
    expect(run.console).toBe(
      [
        "mdadm: No arrays found in config file or automatically",
        "rc=1",
        "mdadm: /dev/md0 has been started with 2 drives.",
        "rc=0",
        '/dev/md0: LABEL="data" TYPE="ext4"',
        "rc=0",
        "dmraid-node",
        "",
      ].join("\n"),
    );
  });

  it("attaches loop devices to files, with the image's attributes", async () => {
    const run = await simulate(
      inlineInit(
        [
          "cd /live",
          "dev=$(losetup -f --show root.sb); echo \"dev=$dev\"",
          "losetup /dev/loop5 /live/other.img",
          "blkid /dev/loop0 /dev/loop5",
          'losetup -f --show /live/missing.sb; echo "rc=$?"',
          "mkdir /mnt && mount -t squashfs \"$dev\" /mnt && echo mounted",
          "exec reboot",
        ].join("\n"),
      ),
      { images: { "/live/root.sb": { type: "squashfs", label: "live" } }, files: { "/live/other.img": "x" } },
    );
    expect(run.console).toBe(
      [
        "dev=/dev/loop0",
        '/dev/loop0: LABEL="live" TYPE="squashfs"',
        "losetup: /live/missing.sb: failed to set up loop device: No such file or directory",
        "rc=1",
        "mounted",
        "",
      ].join("\n"),
    );
    expect(argvs(run)[0]).toEqual(["losetup", "-f", "--show", "root.sb"]);
  });
});
