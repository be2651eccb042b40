/**
 * The original seed init (seed-init.sh here: ../shared/seeds/seed-init.sh, unchanged) on the simulated machine,
 * over the seed matrix (scenarios.ts): what it does on each, bugs included — the reference
 * the port is compared with. Runs under busybox ash, as the seed's initramfs would.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../testing/index.ts";
import type { SimResult } from "../../testing/types.ts";
import { SEED_MATRIX } from "./scenarios.ts";

const SEED = join(import.meta.dirname, "seed-init.sh");
/** Where the project's seed material lives, beside the repository (absent in a bare clone). */
const SHARED_SEED = join(import.meta.dirname, "..", "..", "..", "shared", "seeds", "seed-init.sh");

it.skipIf(!existsSync(SHARED_SEED))("the copy is the seed, byte for byte", () => {
  expect(readFileSync(SEED)).toEqual(readFileSync(SHARED_SEED));
});

/** The commands that act on the machine, without the seed's text processing (grep, sed, awk …). */
const PARSING = new Set(["grep", "sed", "awk", "cat", "ls", "free", "busybox", "dirname", "find"]);
function steps(r: SimResult): string[] {
  return r.trace.map((t) => t.argv).filter((a) => !PARSING.has(a[0]!)).map((a) => a.join(" "));
}

const runs = new Map<string, Promise<SimResult>>();
function boot(name: string): Promise<SimResult> {
  const c = SEED_MATRIX.find((m) => m.name === name)!;
  if (!runs.has(name)) runs.set(name, simulate(SEED, c.scenario));
  return runs.get(name)!;
}

/** The default path: a tmpfs, the initramfs copied into it, switch_root to its /linuxrc. */
function expectTmpfsPath(r: SimResult, size: string) {
  const s = steps(r);
  expect(s).toContain(`mount -t tmpfs -o size=${size} tmpfs /mnt`);
  for (const dir of ["/bin", "/etc", "/lib", "/sbin", "/usr", "/linuxrc"]) expect(s).toContain(`cp -a ${dir} /mnt`);
  expect(s).toContain("mkdir /mnt/mnt");
  expect(s).toContain("mknod /mnt/dev/sdc b 8 32");
  expect(r.outcome).toMatchObject({ kind: "switch_root", argv: ["switch_root", "mnt", "/linuxrc"] });
}

describe.concurrent("the original seed init on the simulated machine", () => {
  it("no parameters: tmpfs of 90 %, the initramfs copied in, switch_root", async () => {
    const r = await boot("no parameters");
    expectTmpfsPath(r, "90%");
    expect(r.console).toContain("Switching / to tmpfs...");
  });

  it("rootfssize=512m sizes the tmpfs", async () => {
    expectTmpfsPath(await boot("rootfssize=512m"), "512m");
  });

  it("rootfssize=bogus: the unmatched sed leaves the whole command line as mount's option, mount fails, the initramfs's own init runs", async () => {
    const r = await boot("rootfssize=bogus");
    expect(steps(r)).toContain("mount -t tmpfs rootfssize=bogus tmpfs /mnt");
    expect(r.console).toContain("Usage: mount");
    expect(r.console).toContain("Skipped");
    expect(r.console).toContain("the initramfs init");
    expect(r.outcome.kind).toBe("poweroff");
  });

  it("cryptoroot= LUKS: luksOpen with the typed passphrase, mount, read-only, switch_root", async () => {
    const r = await boot("cryptoroot= LUKS");
    const s = steps(r);
    expect(s.slice(0, 3)).toEqual(["mount -t proc proc /proc", "mount -t sysfs sysfs /sys", "modprobe dm-mod"]);
    expect(s).toContain("cryptsetup luksOpen /dev/vda crypto-vda");
    expect(s).toContain("mount /dev/mapper/crypto-vda /mnt");
    expect(s).toContain("mount /mnt -o remount,ro");
    expect(r.outcome).toMatchObject({ kind: "switch_root", argv: ["switch_root", "mnt", "/sbin/init"] });
  });

  it("lvmroot=: vgscan, vgchange, the LV mounted, /dev/mapper copied into the root, switch_root", async () => {
    const r = await boot("lvmroot=");
    const s = steps(r);
    expect(s).toEqual(
      expect.arrayContaining(["vgscan --ignorelockingfailure", "vgchange -ay --ignorelockingfailure", "mount /dev/mapper/vg-root /mnt", "cp -a /dev/mapper /mnt/dev"]),
    );
    expect(r.console).toContain("lvm /dev/mapper/vg-root...");
    expect(r.outcome).toMatchObject({ kind: "switch_root", argv: ["switch_root", "mnt", "/sbin/init"] });
  });

  it("mount= by device name with subroot=: blkid's line for the device, then chroot into the subfolder", async () => {
    const r = await boot("mount= by device name, subroot=");
    expect(steps(r)).toContain("mount /dev/vda /mnt");
    expect(r.outcome).toMatchObject({ kind: "exec", argv: ["chroot", "/mnt/slax", "/sbin/init"] });
  });

  it("mount=UUID=: blkid quotes the UUID, so the seed's grep finds no device and mount gets none (a bug the port fixes)", async () => {
    const r = await boot("mount=UUID=");
    expect(steps(r)).toContain("mount /mnt");
    expect(r.console).toContain("Mounting  (UUID=1234-abcd) ...");
    expectTmpfsPath(r, "90%");
  });

  it("mount= on a USB disk that fails once: the usb-storage delay plus one, then mounted", async () => {
    const r = await boot("mount= with the USB storage retry");
    const s = steps(r);
    expect(s.filter((c) => c === "mount /dev/sda1 /mnt")).toHaveLength(2);
    expect(s).toContain("sleep 2");
    expect(r.console).toContain("sleep for 2 seconds...");
  });

  it("loopfs= and bindfs=: the image on the disk loop-mounted over /mnt, a folder of it bound into another", async () => {
    const r = await boot("loopfs= and bindfs=");
    const s = steps(r);
    expect(s).toEqual(expect.arrayContaining(["losetup /dev/loop0 /mnt/slax/root.img", "mount /dev/loop0 /mnt", "mount --bind /mnt/data /mnt/data/inner"]));
    expect(r.mounts.map((m) => `${m.source} ${m.target}`)).toContain("/dev/loop0 /mnt");
  });
});
