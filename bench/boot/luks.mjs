// The LUKS2 disk of the boot benchmark's key-file comparison: the benchmark's root filesystem
// inside a LUKS2 container that a key file unlocks. This machine has no device-mapper, so it is
// made as the QEMU storage suites make theirs (tests/qemu/storage.ts): luksFormat on the host
// (it works on a plain file), then a boot of tests/qemu/provision/init.ts (variant luks), packed
// by initsh pack, that opens the container and copies the root image into it.
import { spawnSync } from "node:child_process";
import { rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { timedBoot } from "./boots.mjs";

/** The container's UUID (cryptdevice=UUID=… for initsh, crypttab's UUID=… for cryptsetup-initramfs). */
export const LUKS_UUID = "7c0ffee5-1d2e-4f3a-9b8c-6d5e4f3a2b1c";

/** The key: any bytes; both inits read the file whole. */
const KEY = "initsh boot benchmark key file: not a secret\n";

/**
 * A fast key derivation (PBKDF2, 1000 iterations), the same for both contenders: the benchmark
 * measures the inits, not Argon2 under TCG (which would add seconds to both alike).
 */
const FORMAT = ["luksFormat", "--batch-mode", "--type", "luks2", "--pbkdf", "pbkdf2", "--pbkdf-force-iterations", "1000", "--uuid", LUKS_UUID];

/**
 * Makes `dir`/luks.img holding `rootImg` (64 MiB) inside LUKS2, and `dir`/luks.key. `project`
 * is the benchmark's bundle of the project's modules (at `projectRoot`); `host` its prepared host.
 */
export async function luksDisk({ project, projectRoot, host, rootImg, dir, logs }) {
  const keyFile = join(dir, "luks.key");
  writeFileSync(keyFile, KEY, { mode: 0o600 });
  const disk = join(dir, "luks.img");
  rmSync(disk, { force: true });
  writeFileSync(disk, "");
  truncateSync(disk, 96 * 1024 * 1024); // the root plus LUKS2's 16 MiB of header and keyslots
  const format = spawnSync("cryptsetup", [...FORMAT, "--key-file", keyFile, disk], { encoding: "utf8" });
  if (format.status !== 0) throw new Error(`cryptsetup luksFormat failed (apt-get install cryptsetup-bin): ${format.error ?? format.stderr}`);

  const init = project.compileInit(join(projectRoot, "tests", "qemu", "provision", "init.ts"), "luks");
  const image = project.buildImage(init.script, init.manifest, {
    kernelVersion: host.kernel.version,
    modulesDir: join(host.kernel.modulesRoot, "lib", "modules", host.kernel.version),
    busybox: host.busybox.binary,
    includes: [{ source: keyFile, dest: "/etc/provision.key" }],
  });
  const initrd = join(dir, "provision-luks.img");
  project.writeImage(initrd, image.bytes);
  const log = join(logs, "provision-luks.log");
  const boot = await timedBoot({
    qemu: host.tools["qemu-system-x86_64"],
    vmlinuz: host.kernel.vmlinuz,
    initrd,
    disks: [disk, rootImg],
    writable: [disk],
    append: "rd.emergency=poweroff",
    timeoutSeconds: 180,
    log,
  });
  if (!boot.serial.includes("INITSH-PROVISIONED")) throw new Error(`provisioning the LUKS disk failed: see ${log}`);
  return { disk, keyFile, uuid: LUKS_UUID };
}
