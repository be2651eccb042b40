/**
 * examples/variants/init.ts booted on the simulated machine, each variant on scenarios that
 * between them take every way its script has to a program: the boot itself, a device that
 * comes late, one named by PARTUUID, an init that is a symbolic link, and the three ways the
 * rescue shell ends. The programs the machine saw run must be exactly the variant's manifest,
 * and the modules it loaded exactly the manifest's modules. (tests/qemu/ boots them on a real
 * kernel.)
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileVariants, type Manifest } from "../../compiler/index.ts";
import type { Scenario, SimResult } from "../../testing/index.ts";
import { boot, NEW_ROOT, type CompiledInit } from "./helpers.ts";

const source = join(import.meta.dirname, "..", "..", "examples", "variants", "init.ts");
const compiled = compileVariants(source);
if (!compiled.ok) throw new Error(`examples/variants/init.ts does not compile: ${JSON.stringify(compiled.diagnostics)}`);
const dir = mkdtempSync(join(tmpdir(), "initsh-variants-boot-"));

/** A variant's script as the boot helpers take it, and its manifest. */
function variant(name: string): { init: CompiledInit; manifest: Manifest } {
  const v = compiled.ok ? compiled.variants.find((x) => x.name === name) : undefined;
  if (!v) throw new Error(`no variant ${name}`);
  const path = join(dir, `init-${name}.sh`);
  writeFileSync(path, v.script, { mode: 0o755 });
  return { init: { path, script: v.script, commands: v.manifest.commands.map((c) => c.name) }, manifest: v.manifest };
}

/** A new root whose /sbin/init is a link (switchRoot follows it inside the new root). */
const LINKED_ROOT: Pick<Scenario, "files" | "dirs"> = {
  files: {
    ...NEW_ROOT.files,
    "/newroot/lib/systemd/systemd": { content: "\u007fELF stub\n", mode: 0o755 },
    "/newroot/sbin/init": { symlink: "/lib/systemd/systemd" },
  },
  dirs: NEW_ROOT.dirs,
};

const GPT_UUID = "6b1e4c2a-93d0-4f5e-8c11-2a3b4c5d6e7f";

/** The three ends of a root that never appears: reboot, power off, the shell. */
const NO_ROOT: Scenario[] = [
  { cmdline: "root=LABEL=nope rootdelay=0 rd.emergency=reboot" },
  { cmdline: "root=LABEL=nope rootdelay=0 rd.emergency=poweroff" },
  { cmdline: "root=LABEL=nope rootdelay=0" },
];

/** Boots every scenario; returns the runs. */
async function bootAll(init: CompiledInit, scenarios: Scenario[]): Promise<SimResult[]> {
  const runs: SimResult[] = [];
  for (const s of scenarios) runs.push(await boot(init, s));
  return runs;
}

/** The programs the runs ran, and the modules modprobe loaded, sorted. */
function seen(runs: SimResult[]): { commands: string[]; modules: string[] } {
  const argvs = runs.flatMap((r) => r.trace.map((t) => t.argv));
  return {
    commands: [...new Set(argvs.map((a) => a[0]!))].sort(),
    modules: [...new Set(argvs.filter((a) => a[0] === "modprobe").map((a) => a[1]!))].sort(),
  };
}

describe("examples/variants/init.ts on the simulated machine: each manifest is what its variant runs", () => {
  it("plain: a disk root, by label or PARTUUID", async () => {
    const { init, manifest } = variant("plain");
    const runs = await bootAll(init, [
      { ...LINKED_ROOT, cmdline: "root=LABEL=root", devices: [{ name: "vda1", label: "root", type: "ext4" }] },
      { ...NEW_ROOT, cmdline: `root=PARTUUID=${GPT_UUID} rootdelay=2`, devices: [{ name: "vdb1", partuuid: GPT_UUID, type: "ext4", appearsAfter: 0.5 }] },
      // No /newroot in the initramfs: mount makes it (and the root has no init: the rescue shell).
      { cmdline: "root=LABEL=root", devices: [{ name: "vda1", label: "root", type: "ext4" }] },
      ...NO_ROOT,
    ]);
    expect(runs[0]!.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
    expect(runs[1]!.outcome.kind).toBe("switch_root");
    expect(runs[2]!.trace.map((t) => t.argv)).toContainEqual(["mkdir", "-p", "/newroot"]);
    expect(runs.map((r) => r.outcome.kind).slice(2)).toEqual(["rescue", "reboot", "poweroff", "rescue"]);
    expect(seen(runs).commands).toEqual(manifest.commands.map((c) => c.name));
    expect(seen(runs).modules).toEqual(manifest.modules.names);
  });

  it("luks-lvm: a passphrase, the volume group, then the logical volume", async () => {
    const { init, manifest } = variant("luks-lvm");
    const container = (extra: object) => ({ name: "vda2", luks: { passphrase: "secret", contents: { type: "LVM2_member" } }, ...extra });
    const volumeGroups = [{ name: "vg0", pvs: ["/dev/mapper/cryptroot"], lvs: [{ name: "root", type: "ext4" }] }];
    const runs = await bootAll(init, [
      { ...LINKED_ROOT, cmdline: "cryptdevice=/dev/vda2 root=/dev/mapper/vg0-root", devices: [container({})], volumeGroups, console: ["secret"] },
      { ...NEW_ROOT, cmdline: `cryptdevice=PARTUUID=${GPT_UUID} root=/dev/mapper/vg0-root rootdelay=2`, devices: [container({ partuuid: GPT_UUID, appearsAfter: 0.5 })], volumeGroups, console: ["secret"] },
      { cmdline: "cryptdevice=/dev/vda2 root=/dev/mapper/vg0-root", devices: [container({})], volumeGroups, console: ["secret"] },
      ...NO_ROOT.map((s) => ({ ...s, cmdline: `cryptdevice=/dev/vda2 ${s.cmdline}`, devices: [container({})], volumeGroups, console: ["secret"] })),
    ]);
    expect(runs[0]!.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
    expect(runs[0]!.trace.map((t) => t.argv)).toContainEqual(["cryptsetup", "open", "/dev/vda2", "cryptroot"]);
    expect(runs[1]!.outcome.kind).toBe("switch_root");
    expect(runs.map((r) => r.outcome.kind).slice(2)).toEqual(["rescue", "reboot", "poweroff", "rescue"]);
    expect(seen(runs).commands).toEqual(manifest.commands.map((c) => c.name));
    expect(seen(runs).modules).toEqual(manifest.modules.names);
  });

  it("luks-key: the container opened with the key file, no passphrase asked", async () => {
    const { init, manifest } = variant("luks-key");
    const KEY = "key file bytes\n";
    const key = (files: Scenario["files"] = {}): Scenario["files"] => ({ ...files, "/etc/keys/root.key": KEY });
    const container = (extra: object) => ({ name: "vda2", luks: { passphrase: KEY, contents: { type: "ext4", label: "root" } }, ...extra });
    const runs = await bootAll(init, [
      { dirs: LINKED_ROOT.dirs, files: key(LINKED_ROOT.files), cmdline: "cryptdevice=/dev/vda2 root=/dev/mapper/cryptroot", devices: [container({})] },
      { dirs: NEW_ROOT.dirs, files: key(NEW_ROOT.files), cmdline: `cryptdevice=PARTUUID=${GPT_UUID} root=/dev/mapper/cryptroot rootdelay=2`, devices: [container({ partuuid: GPT_UUID, appearsAfter: 0.5 })] },
      { files: key(), cmdline: "cryptdevice=/dev/vda2 root=/dev/mapper/cryptroot", devices: [container({})] },
      // The wrong key: the rescue shell, naming the container.
      { dirs: NEW_ROOT.dirs, files: { ...NEW_ROOT.files, "/etc/keys/root.key": "another key\n" }, cmdline: "cryptdevice=/dev/vda2 root=/dev/mapper/cryptroot", devices: [container({})] },
      ...NO_ROOT.map((s) => ({ ...s, cmdline: `cryptdevice=/dev/vda2 ${s.cmdline}`, devices: [container({})], files: key() })),
    ]);
    expect(runs[0]!.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
    expect(runs[0]!.trace.map((t) => t.argv)).toContainEqual(["cryptsetup", "open", "--key-file", "/etc/keys/root.key", "/dev/vda2", "cryptroot"]);
    expect(runs[0]!.console).not.toContain("Passphrase");
    expect(runs[1]!.outcome.kind).toBe("switch_root");
    expect(runs.map((r) => r.outcome.kind).slice(2)).toEqual(["rescue", "rescue", "reboot", "poweroff", "rescue"]);
    expect(runs[3]!.console).toContain("cannot unlock /dev/vda2");
    // cryptsetup.open chooses between its key file and its prompt at boot, so the manifest
    // keeps the prompt's stty, which a key file never runs.
    expect(manifest.commands.map((c) => c.name)).toContain("stty");
    expect(seen(runs).commands).toEqual(manifest.commands.map((c) => c.name).filter((c) => c !== "stty"));
    expect(seen(runs).modules).toEqual(manifest.modules.names);
  });

  it("lvm: the volume groups activated, then the logical volume", async () => {
    const { init, manifest } = variant("lvm");
    const pv = { name: "vda", type: "LVM2_member" };
    const volumeGroups = [{ name: "vg0", pvs: ["/dev/vda"], lvs: [{ name: "root", type: "ext4" }] }];
    // A root beside LVM, on a partition that comes late (the groups are activated first anyway).
    const late = { name: "vdb1", partuuid: GPT_UUID, type: "ext4", appearsAfter: 0.5 };
    const runs = await bootAll(init, [
      { ...LINKED_ROOT, cmdline: "root=/dev/mapper/vg0-root", devices: [pv], volumeGroups },
      { ...NEW_ROOT, cmdline: `root=PARTUUID=${GPT_UUID} rootdelay=2`, devices: [pv, late], volumeGroups },
      { cmdline: "root=/dev/mapper/vg0-root", devices: [pv], volumeGroups },
      ...NO_ROOT.map((s) => ({ ...s, devices: [pv], volumeGroups })),
    ]);
    expect(runs[0]!.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
    expect(runs[0]!.trace.map((t) => t.argv)).toContainEqual(["lvm", "vgchange", "-ay", "--sysinit"]);
    expect(runs[1]!.outcome.kind).toBe("switch_root");
    expect(runs.map((r) => r.outcome.kind).slice(2)).toEqual(["rescue", "reboot", "poweroff", "rescue"]);
    expect(seen(runs).commands).toEqual(manifest.commands.map((c) => c.name));
    expect(seen(runs).modules).toEqual(manifest.modules.names);
  });

  it("raid1: the mirror assembled by mdadm, then the root on it", async () => {
    const { init, manifest } = variant("raid1");
    const members = [{ name: "vda", type: "linux_raid_member" }, { name: "vdb", type: "linux_raid_member" }];
    const raidArrays = [{ name: "md0", members: ["/dev/vda", "/dev/vdb"], type: "ext4", label: "root" }];
    const late = { name: "vdc1", partuuid: GPT_UUID, type: "ext4", appearsAfter: 0.5 };
    const runs = await bootAll(init, [
      { ...LINKED_ROOT, cmdline: "root=/dev/md0", devices: members, raidArrays },
      { ...NEW_ROOT, cmdline: `root=PARTUUID=${GPT_UUID} rootdelay=2`, devices: [...members, late], raidArrays },
      { cmdline: "root=/dev/md0", devices: members, raidArrays },
      ...NO_ROOT.map((s) => ({ ...s, devices: members, raidArrays })),
    ]);
    expect(runs[0]!.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
    expect(runs[0]!.trace.map((t) => t.argv)).toContainEqual(["mdadm", "--assemble", "--scan"]);
    expect(runs[1]!.outcome.kind).toBe("switch_root");
    expect(runs.map((r) => r.outcome.kind).slice(2)).toEqual(["rescue", "reboot", "poweroff", "rescue"]);
    expect(seen(runs).commands).toEqual(manifest.commands.map((c) => c.name));
    expect(seen(runs).modules).toEqual(manifest.modules.names);
  });

  it("raid1 with the second disk missing: the mirror starts degraded and the root on it is mounted (as the QEMU boot)", async () => {
    // tests/qemu/storage-lvm-raid.test.ts boots this on a real kernel with Debian's mdadm 4.2:
    // `mdadm --assemble --scan` started the mirror from one of its two disks.
    const { init } = variant("raid1");
    const uuid = "3f0a6c1e-2b4d-4e8f-9a17-5c6d7e8f9012";
    const run = await boot(init, {
      ...NEW_ROOT,
      cmdline: `root=UUID=${uuid}`,
      devices: [{ name: "vda", type: "linux_raid_member" }],
      raidArrays: [{ name: "md0", members: ["/dev/vda", "/dev/vdb"], type: "ext4", uuid }],
    });
    expect(run.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
    expect(run.console).toContain("mdadm: /dev/md0 has been started with 1 drive (out of 2).");
    expect(run.console).not.toContain("no RAID array was assembled");
    expect(run.mounts).toContainEqual(expect.objectContaining({ source: "/dev/md0", target: "/newroot" }));
  });

  it("live: the image from the medium, copied to RAM, under an overlay", async () => {
    const { init, manifest } = variant("live");
    const image = { "/run/live/medium/live/root.squashfs": "hsqs image\n" };
    const live = (files: Scenario["files"]): Scenario["files"] => ({ ...files, ...image });
    const images = { "/run/live/ram/root.squashfs": { type: "squashfs" }, "/run/live/medium/live/root.squashfs": { type: "squashfs" } };
    const runs = await bootAll(init, [
      { files: live(LINKED_ROOT.files), dirs: LINKED_ROOT.dirs, images, devices: [{ name: "vdb1", label: "LIVE", type: "ext4" }] },
      { files: live(NEW_ROOT.files), dirs: NEW_ROOT.dirs, images, cmdline: `livemedia=PARTUUID=${GPT_UUID} rootdelay=2 toram=0`, devices: [{ name: "vdb1", partuuid: GPT_UUID, type: "ext4", appearsAfter: 0.5 }] },
      ...NO_ROOT.map((s) => ({ ...s, cmdline: s.cmdline!.replace("root=", "livemedia=") })),
    ]);
    expect(runs[0]!.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
    expect(runs[0]!.trace.map((t) => t.argv)).toContainEqual(["cp", "/run/live/medium/live/root.squashfs", "/run/live/ram/root.squashfs"]);
    // toram=0: the image is mounted from the medium, not copied.
    expect(runs[1]!.outcome.kind).toBe("switch_root");
    expect(runs[1]!.trace.map((t) => t.argv[0])).not.toContain("cp");
    expect(runs.map((r) => r.outcome.kind).slice(2)).toEqual(["reboot", "poweroff", "rescue"]);
    expect(seen(runs).commands).toEqual(manifest.commands.map((c) => c.name));
    expect(seen(runs).modules).toEqual(manifest.modules.names);
  });
});
