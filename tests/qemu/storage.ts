/**
 * Disks holding the root filesystem inside a storage stack — LUKS2, LUKS2 with LVM, LVM, md
 * RAID1 — for the storage suites. The host has no device-mapper and no md, so each is made in
 * two steps: on the host, empty disk images (and, for LUKS, `cryptsetup luksFormat`, which
 * works on a plain file); then a provisioning boot in QEMU of tests/qemu/provision/init.ts,
 * packed by `initsh pack`, which builds the stack and copies the ext4 root image into it.
 *
 * The result is cached (cache.ts, published atomically) under a hash of everything that makes
 * it: the provisioning image's bytes (the init, busybox, cryptsetup/lvm/mdadm and their
 * libraries, the modules, the key), the root image's recipe, the disks' sizes, the host's
 * cryptsetup and mke2fs, and the kernel. A run provisions each kind at most once; later runs
 * reuse it. Boots of a cached disk must not change it: boot them with `snapshot: true`.
 */
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildImage, writeImage } from "../../compiler/pack/index.ts";
import { cachedAsync, cacheRoot, isReady } from "./cache.ts";
import { compileInit } from "./compile.ts";
import { buildRootImage, ROOT_INIT } from "./rootfs.ts";
import { runChecked } from "./run.ts";
import { keepFailedLog, type BootSuite } from "./suite.ts";
import { requireTools } from "./tools.ts";
import { tail } from "./verdict.ts";

/** The stacks there are disks for: the variants of tests/qemu/provision/init.ts. */
export type StorageKind = "luks" | "luks-lvm" | "lvm" | "raid1";

/** The root filesystem inside every stack: its label and UUID. */
export const STORAGE_ROOT = { label: "root", uuid: "3f1b7e52-0c4d-4a8e-9b6f-5d2c1a0e9f87" };

/**
 * The LUKS key of the `luks` disk: a key file (any bytes; the init reads it whole). The
 * `luks-lvm` disk's key is the passphrase typed on the console; cryptsetup reads a typed one up
 * to the newline, so the key file that formats and provisions it holds it without one.
 */
export const LUKS_KEY_FILE = "initsh test key file: not a secret\n";
export const LUKS_PASSPHRASE = "correct horse battery";

/** Each kind's disks (sizes in MiB: the 64 MiB root plus the stack's headers) and key. */
const KINDS: Record<StorageKind, { disks: number[]; key?: string }> = {
  // LUKS2's header and keyslots take 16 MiB; LVM's metadata 1 MiB, and extents are 4 MiB.
  luks: { disks: [96], key: LUKS_KEY_FILE },
  "luks-lvm": { disks: [96], key: LUKS_PASSPHRASE },
  lvm: { disks: [80] },
  // Each half holds the whole array: the root plus mdadm's data offset.
  raid1: { disks: [80, 80] },
};

/** How the LUKS2 containers are formatted: a fast key derivation, so that unlocking under TCG takes no time. */
const LUKS_FORMAT = ["--batch-mode", "--type", "luks2", "--pbkdf", "pbkdf2", "--pbkdf-force-iterations", "1000"];

/** Bump when the way the disks are made changes in a way the hash does not see. */
const RECIPE = 1;

/** The guest's line when provisioning worked (tests/qemu/provision/init.ts). */
const DONE = "INITSH-PROVISIONED";

/** Seconds a provisioning boot may take (5–11 s on an idle 2-core machine, TCG). */
const PROVISION_SECONDS = 180;

/** What provisioning took in this process, for the suite's report: "luks 9.1 s", "lvm cached". */
export const provisionTimes: string[] = [];

/** Writes `key` to a file in `dir` and returns its path (the same bytes every time). */
export function keyFile(dir: string, kind: StorageKind): string {
  const key = KINDS[kind].key;
  if (key === undefined) throw new Error(`the ${kind} disk has no key`);
  const path = join(dir, `${kind}.key`);
  writeFileSync(path, key, { mode: 0o600 });
  return path;
}

/** SHA-256 of a file's bytes. */
function fileHash(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * The disk images of `kind`, provisioned (or taken from the cache): one for LUKS and LVM
 * (/dev/vda), two for RAID1 (/dev/vda, /dev/vdb). They are shared: boot them with
 * `snapshot: true`.
 */
export async function storageDisks(suite: BootSuite, kind: StorageKind): Promise<string[]> {
  const { host, work } = suite;
  const spec = KINDS[kind];
  const key = spec.key === undefined ? undefined : keyFile(work, kind);
  const init = compileInit(join(import.meta.dirname, "provision", "init.ts"), kind);
  const image = buildImage(init.script, init.manifest, {
    kernelVersion: host.kernel.version,
    modulesDir: join(host.kernel.modulesRoot, "lib", "modules", host.kernel.version),
    busybox: host.busybox.binary,
    includes: key === undefined ? [] : [{ source: key, dest: "/etc/provision.key" }],
  });
  const cryptsetup = key === undefined ? undefined : requireTools([{ command: "cryptsetup", aptPackage: "cryptsetup-bin" }]).cryptsetup!;
  const recipe = {
    recipe: RECIPE,
    kind,
    kernel: host.kernel.version,
    vmlinuz: fileHash(host.kernel.vmlinuz),
    provisionImage: createHash("sha256").update(image.bytes).digest("hex"),
    root: { ...STORAGE_ROOT, init: ROOT_INIT, busybox: fileHash(host.busybox.binary), mke2fs: fileHash(host.tools.mke2fs!) },
    disks: spec.disks,
    luksFormat: cryptsetup === undefined ? undefined : { args: LUKS_FORMAT, cryptsetup: fileHash(cryptsetup) },
  };
  const hash = createHash("sha256").update(JSON.stringify(recipe)).digest("hex").slice(0, 16);
  const dir = join(cacheRoot(), "storage", `${kind}-${hash}`);
  const names = spec.disks.map((_, i) => `disk${i}.img`);
  if (isReady(dir)) {
    provisionTimes.push(`${kind} cached`);
    return used(dir, kind, names);
  }
  const start = performance.now();
  await cachedAsync(dir, async (scratch) => {
    const disks = names.map((n, i) => {
      const path = join(scratch, n);
      writeFileSync(path, "");
      truncateSync(path, spec.disks[i]! * 1024 * 1024);
      return path;
    });
    if (cryptsetup !== undefined) runChecked(cryptsetup, ["luksFormat", ...LUKS_FORMAT, "--key-file", key!, disks[0]!]);
    const root = buildRootImage({ busybox: host.busybox.binary, mke2fs: host.tools.mke2fs!, out: join(work, `provision-${kind}-root.img`), ...STORAGE_ROOT });
    const initrd = join(work, `provision-${kind}.cpio.gz`);
    writeImage(initrd, image.bytes);
    const run = await suite.boot(`provision-${kind}`, initrd, [...disks, root], "rd.emergency=poweroff", { timeoutSeconds: PROVISION_SECONDS });
    rmSync(root, { force: true });
    if (run.timedOut || run.panic || !run.log.includes(DONE) || !run.poweredOff) {
      const kept = keepFailedLog("provision", join(work, `provision-${kind}.log`));
      throw new Error(`provisioning the ${kind} disk failed (serial log: ${kept}); the end of it:\n${tail(run.log)}`);
    }
    copyFileSync(join(work, `provision-${kind}.log`), join(scratch, "provision.log"));
  });
  provisionTimes.push(`${kind} provisioned in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return used(dir, kind, names);
}

/** How long an entry of a kind nothing uses any more stays (another checkout may still use it). */
const UNUSED_SECONDS = 2 * 24 * 3600;

/**
 * Marks the entry `dir` used now (its folder's time) and removes the other entries of `kind`
 * that nothing used for {@link UNUSED_SECONDS}: each change of what makes a disk leaves one
 * behind. Returns the paths of the entry's disks.
 */
function used(dir: string, kind: StorageKind, names: string[]): string[] {
  const now = Date.now() / 1000;
  utimesSync(dir, now, now);
  const parent = join(dir, "..");
  for (const name of readdirSync(parent)) {
    const other = join(parent, name);
    if (other === dir || !name.startsWith(`${kind}-`) || !/^[0-9a-f]{16}$/.test(name.slice(kind.length + 1))) continue;
    try {
      if (now - statSync(other).mtimeMs / 1000 > UNUSED_SECONDS) rmSync(other, { recursive: true, force: true });
    } catch {
      // another worker removed it first
    }
  }
  return names.map((n) => join(dir, n));
}

