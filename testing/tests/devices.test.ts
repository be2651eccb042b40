import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { derivedGuid } from "../disks.ts";
import { argvs, busyboxUsage, fixture, hasBlockNode, inlineInit, newRootFiles } from "./helpers.ts";

const ROOT_GUID = "5b1d2c3e-0a4f-4b6e-9c8d-7e6f5a4b3c2d";
const disks = [
  { name: "vda" },
  { name: "vda1", label: "root", uuid: "1111-aaaa", type: "ext4", partuuid: ROOT_GUID, partlabel: "system" },
  { name: "vda2", uuid: "2222-bbbb", type: "swap" },
  { name: "vdc", label: 'my "odd" \\ label', type: "vfat" },
];

describe("devices", () => {
  it.skipIf(!hasBlockNode)("makes a device appear once enough virtual time has passed", async () => {
    const run = await simulate(fixture("wait-for-root.sh"), {
      devices: [{ name: "vda", label: "boot", type: "vfat" }, { name: "vdb", label: "root", type: "ext4", appearsAfter: 1.2 }],
      files: newRootFiles(),
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

  it("answers busybox findfs: LABEL= and UUID= of the filesystems it knows, /dev/… as it is, nothing else", async () => {
    const usage = await busyboxUsage("findfs");
    const run = await simulate(
      inlineInit(
        [
          'findfs LABEL=root; echo "rc=$?"',
          'findfs UUID=1111-AAAA; echo "rc=$?"', // busybox compares UUIDs in any case
          'findfs LABEL=nope; echo "rc=$?"',
          'findfs /dev/nowhere; echo "rc=$?"',
          `findfs PARTUUID=${ROOT_GUID}; echo "rc=$?"`,
          'findfs PARTLABEL=system; echo "rc=$?"',
          'findfs UUID=lvm-pv-uuid; echo "rc=$?"', // volume_id does not probe LVM
          "exec reboot -f",
        ].join("\n"),
      ),
      { devices: [...disks, { name: "vdd", uuid: "lvm-pv-uuid", type: "LVM2_member" }] },
    );
    expect(run.console).toBe(["/dev/vda1", "rc=0", "/dev/vda1", "rc=0", "rc=1", "/dev/nowhere", "rc=0", `${usage}rc=1`, `${usage}rc=1`, "rc=1", ""].join("\n"));
  });

  it("answers util-linux findfs and blkid when the image carries util-linux", async () => {
    const run = await simulate(fixture("blkid-queries.sh"), { devices: disks, utilLinux: true });
    const vda2 = derivedGuid("vda/2");
    const vdaGuid = derivedGuid("disk:vda");
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
        `/dev/vda: PTUUID="${vdaGuid}" PTTYPE="gpt"`,
        `/dev/vda1: LABEL="root" UUID="1111-aaaa" TYPE="ext4" PARTLABEL="system" PARTUUID="${ROOT_GUID}"`,
        `/dev/vda2: UUID="2222-bbbb" TYPE="swap" PARTUUID="${vda2}"`,
        '/dev/vdc: LABEL="my \\"odd\\" \\\\ label" TYPE="vfat"',
        "rc=0",
        "-- blkid -o device",
        "/dev/vda",
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
        `PARTUUID=${ROOT_GUID}`,
        "-- -t TYPE=swap",
        "/dev/vda2",
        "-- quoting",
        '/dev/vdc: LABEL="my \\"odd\\" \\\\ label" TYPE="vfat"',
        "",
      ].join("\n"),
    );
  });

  it("has no blkid without util-linux: busybox-static has none", async () => {
    const run = await simulate(inlineInit('blkid; echo "rc=$?"\nexec reboot -f'), { devices: disks });
    expect(run.console).toBe("/init: 3: blkid: not found\nrc=127\n");
    await expect(simulate(inlineInit("exec reboot -f"), { extraCommands: ["blkid"] })).rejects.toThrow(/extraCommands\[0\]: blkid comes from util-linux/);
  });

  it("fails mount as busybox's does: missing device or mount point, no filesystem, wrong type, no fstab", async () => {
    const run = await simulate(
      inlineInit(
        [
          'mount -t ext4 /dev/vdz /newroot; echo "rc=$?"',
          'mount -t ext4 /dev/vda1 /newroot; echo "rc=$?"',
          "mkdir /newroot",
          'mount /dev/vda2 /newroot; echo "rc=$?"', // swap: no filesystem to mount
          'mount -t ext4 /dev/vda2 /newroot; echo "rc=$?"',
          'mount -t xfs /dev/vda1 /newroot; echo "rc=$?"',
          'mount -t nosuchfs /dev/vda1 /newroot; echo "rc=$?"',
          'mount LABEL=nope /newroot; echo "rc=$?"',
          `mount PARTUUID=${ROOT_GUID} /newroot; echo "rc=$?"`,
          'mount /newroot; echo "rc=$?"',
          'mount -t xfs,ext4 /dev/vda1 /newroot; echo "rc=$?"',
          'mount -L root /mnt; echo "rc=$?"',
          "exec reboot -f",
        ].join("\n"),
      ),
      { devices: disks },
    );
    const usage = await busyboxUsage("mount");
    expect(run.console).toBe(
      [
        "mount: mounting /dev/vdz on /newroot failed: No such file or directory",
        "rc=255",
        "mount: mounting /dev/vda1 on /newroot failed: No such file or directory",
        "rc=255",
        "mount: mounting /dev/vda2 on /newroot failed: Invalid argument",
        "rc=255",
        "mount: mounting /dev/vda2 on /newroot failed: Invalid argument",
        "rc=255",
        "mount: mounting /dev/vda1 on /newroot failed: Invalid argument",
        "rc=255",
        "mount: mounting /dev/vda1 on /newroot failed: No such device",
        "rc=255",
        "mount: mounting LABEL=nope on /newroot failed: No such file or directory",
        "rc=255",
        `mount: mounting PARTUUID=${ROOT_GUID} on /newroot failed: No such file or directory`,
        "rc=255",
        "mount: can't read '/etc/fstab': No such file or directory",
        "rc=1",
        "rc=0",
        `mount: invalid option -- 'L'\n${usage}rc=1`,
        "",
      ].join("\n"),
    );
    expect(run.mounts).toEqual([{ source: "/dev/vda1", target: "/newroot", type: "ext4", options: "" }]);
  });

  it("keeps the kernel's mount table: /proc/self/mountinfo and /proc/mounts, --move, --bind, remount, umount", async () => {
    const run = await simulate(
      inlineInit(
        [
          "mount -t proc proc /proc",
          "mount -t devtmpfs devtmpfs /dev",
          "mount -t tmpfs -o size=10%,mode=0755 tmpfs /run",
          "mkdir -p /newroot /data",
          "mount -r /dev/vda1 /newroot",
          "mount --move /dev /newroot/dev",
          "mount --bind /run /newroot/run",
          "mount -o remount,rw /newroot",
          'mount --move /nothing /newroot/x; echo "rc=$?"',
          'mount --move /data /newroot/x; echo "rc=$?"',
          'umount /newroot; echo "rc=$?"',
          'umount /data; echo "rc=$?"',
          "umount /proc",
          "mount -t proc proc /proc",
          "cat /proc/self/mountinfo /proc/mounts",
          "umount -l /newroot",
          "mount -t tmpfs tmpfs '/data'",
          "mount",
          "exec reboot -f",
        ].join("\n"),
      ),
      { devices: disks, dirs: ["/run", "/newroot/x"] },
    );
    expect(run.console).toBe(
      [
        "mount: mounting /nothing on /newroot/x failed: No such file or directory",
        "rc=255",
        "mount: mounting /data on /newroot/x failed: Invalid argument",
        "rc=255",
        "umount: can't unmount /newroot: Device or resource busy",
        "rc=1",
        "umount: can't unmount /data: Invalid argument",
        "rc=1",
        // IDs and anonymous devices are the lowest free ones: /proc, mounted again, gets 21 and 0:19 back.
        "1 1 0:2 / / rw - rootfs rootfs rw,size=235784k,nr_inodes=58946,inode64",
        "23 1 0:20 / /run rw,relatime - tmpfs tmpfs rw,size=48128k,mode=755,inode64",
        "24 1 254:1 / /newroot rw,relatime - ext4 /dev/vda1 rw",
        "22 24 0:5 / /newroot/dev rw,relatime - devtmpfs devtmpfs rw,size=235784k,nr_inodes=58946,mode=755,inode64",
        "25 24 0:20 / /newroot/run rw,relatime - tmpfs tmpfs rw,size=48128k,mode=755,inode64",
        "21 1 0:19 / /proc rw,relatime - proc proc rw",
        "rootfs / rootfs rw,size=235784k,nr_inodes=58946,inode64 0 0",
        "tmpfs /run tmpfs rw,relatime,size=48128k,mode=755,inode64 0 0",
        "/dev/vda1 /newroot ext4 rw,relatime 0 0",
        "devtmpfs /newroot/dev devtmpfs rw,relatime,size=235784k,nr_inodes=58946,mode=755,inode64 0 0",
        "tmpfs /newroot/run tmpfs rw,relatime,size=48128k,mode=755,inode64 0 0",
        "proc /proc proc rw,relatime 0 0",
        "rootfs on / type rootfs (rw,size=235784k,nr_inodes=58946,inode64)",
        "tmpfs on /run type tmpfs (rw,relatime,size=48128k,mode=755,inode64)",
        "proc on /proc type proc (rw,relatime)",
        "tmpfs on /data type tmpfs (rw,relatime,inode64)",
        "",
      ].join("\n"),
    );
    expect(run.mounts).toEqual([
      { source: "tmpfs", target: "/run", type: "tmpfs", options: "size=10%,mode=0755" },
      { source: "proc", target: "/proc", type: "proc", options: "" },
      { source: "tmpfs", target: "/data", type: "tmpfs", options: "" },
    ]);
  });

  it("follows the kernel's tree: rbind copies the submounts, a move takes its subtree, stacks, symlinks, remount flags", async () => {
    const run = await simulate(
      inlineInit(
        [
          "mount -t tmpfs tmpfs /a",
          "mkdir -p /a/sub /b",
          "mount -t ramfs ramfs /a/sub",
          "mount --rbind /a /b",
          "ln -s /c /lnk",
          "mount -t tmpfs -o ro,nosuid,nodev,noexec,noatime tmpfs /lnk",
          "tail -n 1 /proc/self/mountinfo",
          "mount -t tmpfs tmpfs /d",
          "mount -t tmpfs tmpfs /d",
          "mount -o remount,rw tmpfs /c",
          'mount --move /b /c/x; echo "move rc=$?"',
          "umount -l /d",
          "cat /proc/self/mountinfo",
          "exec reboot -f",
        ].join("\n"),
      ),
      { dirs: ["/a", "/c/x", "/d"] },
    );
    expect(run.console).toBe(
      [
        // The symlink is resolved; noatime replaces relatime.
        "25 1 0:21 / /c ro,nosuid,nodev,noexec,noatime - tmpfs tmpfs ro,inode64",
        "move rc=0",
        "1 1 0:2 / / rw - rootfs rootfs rw,size=235784k,nr_inodes=58946,inode64",
        "21 1 0:19 / /a rw,relatime - tmpfs tmpfs rw,inode64",
        "22 21 0:20 / /a/sub rw,relatime - ramfs ramfs rw",
        // A remount sets the mount's flags anew (busybox passes only what it is given): the
        // atime flag is kept when none is given.
        "25 1 0:21 / /c rw,noatime - tmpfs tmpfs rw,inode64",
        // umount takes the top of the stack on /d (27) and leaves the one below.
        "26 1 0:22 / /d rw,relatime - tmpfs tmpfs rw,inode64",
        // The rbind's copies (23 of /a, 24 of /a/sub on 23) moved together, to the end.
        "23 25 0:19 / /c/x rw,relatime - tmpfs tmpfs rw,inode64",
        "24 23 0:20 / /c/x/sub rw,relatime - ramfs ramfs rw",
        "",
      ].join("\n"),
    );
  });

  it("remounts a tmpfs as the kernel does: a new size shows, its mode stays, a bad option is refused", async () => {
    const run = await simulate(
      inlineInit(
        [
          "mount -t tmpfs -o size=10%,mode=0755 tmpfs /run",
          'mount -o remount,size=20%,mode=0700 tmpfs /run; echo "rc=$?"',
          'mount -o remount,nr_inodes=1000 tmpfs /run; echo "rc=$?"',
          'mount -o remount,bogus tmpfs /run; echo "rc=$?"',
          "tail -n 1 /proc/self/mountinfo",
          "exec reboot -f",
        ].join("\n"),
      ),
      { dirs: ["/run"] },
    );
    expect(run.console).toBe(
      [
        "rc=0",
        "rc=0",
        "mount: mounting tmpfs on /run failed: Invalid argument",
        "rc=255",
        // 20% of 120318 pages, rounded up to a page: 24064 pages.
        "21 1 0:19 / /run rw,relatime - tmpfs tmpfs rw,size=96256k,nr_inodes=1000,mode=755,inode64",
        "",
      ].join("\n"),
    );
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
          "exec reboot -f",
        ].join("\n"),
      ),
      {
        devices: [{ name: "vda2", luks: { passphrase: "secret", contents: { type: "LVM2_member" } } }],
        utilLinux: true,
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

  it.skipIf(!hasBlockNode)("assembles a stripe once all its members are present, and dmraid sets", async () => {
    const run = await simulate(
      inlineInit(
        [
          'mdadm --assemble --scan; echo "rc=$?"',
          "sleep 1",
          'mdadm --assemble --scan; echo "rc=$?"',
          "blkid /dev/md0",
          'dmraid -ay; echo "rc=$?"',
          "[ -b /dev/mapper/isw_x_Vol0 ] && echo dmraid-node",
          "exec reboot -f",
        ].join("\n"),
      ),
      {
        devices: [{ name: "sda1" }, { name: "sdb1", appearsAfter: 1 }, { name: "sdc" }, { name: "sdd" }],
        // raid0 needs every member (a mirror would start degraded: mdraid.test.ts).
        raidArrays: [{ name: "md0", level: "raid0", members: ["/dev/sda1", "/dev/sdb1"], label: "data", type: "ext4" }],
        dmraidSets: [{ name: "isw_x_Vol0", members: ["/dev/sdc", "/dev/sdd"] }],
        utilLinux: true,
      },
    );
    expect(run.console).toBe(
      [
        "mdadm: /dev/md0 assembled from 1 drive - not enough to start the array.",
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

  it("attaches loop devices to files as busybox losetup does (no --show), with the image's attributes", async () => {
    const run = await simulate(
      inlineInit(
        [
          "cd /live",
          'dev=$(losetup -f); echo "free=$dev"',
          'losetup "$dev" root.sb; echo "rc=$?"',
          "losetup /dev/loop5 /live/other.img",
          "losetup -a",
          'losetup -f --show /live/root.sb; echo "rc=$?"',
          'losetup -f /live/missing.sb; echo "rc=$?"',
          "mkdir /mnt && mount -t squashfs \"$dev\" /mnt && echo mounted",
          'mount /live/root.sb /run && echo "mounted the file itself on a loop device"',
          "cat /proc/partitions",
          'mount /live/other.img /srv; echo "rc=$?"',
          'losetup -d /dev/loop5; losetup /dev/loop5; echo "rc=$?"',
          "exec reboot -f",
        ].join("\n"),
      ),
      { images: { "/live/root.sb": { type: "squashfs", label: "live" } }, files: { "/live/other.img": "x" }, dirs: ["/run", "/srv"] },
    );
    const usage = await busyboxUsage("losetup");
    expect(run.console).toBe(
      [
        "free=/dev/loop0",
        "rc=0",
        "/dev/loop0: 0 root.sb",
        "/dev/loop5: 0 /live/other.img",
        `losetup: unrecognized option '--show'\n${usage}rc=1`,
        "losetup: /live/missing.sb: No such file or directory",
        "rc=1",
        "mounted",
        "mounted the file itself on a loop device",
        "major minor  #blocks  name",
        "",
        "   7        0    1048576 loop0",
        // other.img is no image of the scenario: its own size, 1 byte, leaves it out.
        "   7        1    1048576 loop1",
        "mount: mounting /dev/loop2 on /srv failed: Invalid argument",
        "rc=255",
        "losetup: /dev/loop5: No such device or address",
        "rc=1",
        "",
      ].join("\n"),
    );
    expect(argvs(run)[0]).toEqual(["losetup", "-f"]);
    expect(run.mounts).toEqual([
      { source: "/dev/loop0", target: "/mnt", type: "squashfs", options: "" },
      { source: "/dev/loop1", target: "/run", type: "squashfs", options: "" },
    ]);
  });

  it("attaches loop devices with util-linux losetup --show when the image carries util-linux", async () => {
    const run = await simulate(
      inlineInit(['dev=$(losetup -f --show /live/root.sb); echo "dev=$dev"', "blkid \"$dev\"", "exec reboot -f"].join("\n")),
      { images: { "/live/root.sb": { type: "squashfs", label: "live" } }, utilLinux: true },
    );
    expect(run.console).toBe('dev=/dev/loop0\n/dev/loop0: LABEL="live" TYPE="squashfs"\n');
  });
});
