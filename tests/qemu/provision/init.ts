/**
 * The provisioning boots of the storage suites (tests/qemu/storage.ts): the host has no
 * device-mapper and no md, so a LUKS container, an LVM volume group or an md RAID1 array is
 * filled inside the guest. This init, packed by `initsh pack` like the inits it prepares disks
 * for, builds the stack on the empty disks (/dev/vda, and /dev/vdb for RAID1), copies the ext4
 * root image from the last disk into it, takes the stack down again and powers off. It prints
 * PROVISIONED only when every step worked; anything else ends in the rescue shell, which
 * `rd.emergency=poweroff` turns into a power-off.
 *
 * A LUKS container is formatted on the host (cryptsetup luksFormat works on a plain file) with
 * the key file this image carries at /etc/provision.key.
 */
import { cryptsetup, earlySetup, log, modprobe, rescueShell, run, variant, waitForDevice, type DevicePath, type Variants } from "initsh";

interface Config {
  /** /dev/vda (or the RAID array) is a LUKS container: open it with the key file. */
  luks: boolean;
  /** Make a volume group vg0 with a logical volume root on the device. */
  lvm: boolean;
  /** Mirror /dev/vda and /dev/vdb as an md RAID1 array first. */
  raid: boolean;
  /** The disk that holds the ext4 root image to copy. */
  source: DevicePath;
  modules: string[];
}

const VIRTIO = ["virtio_pci", "virtio_blk"];
const DM_CRYPT = ["dm_mod", "dm_crypt", "aes_generic", "xts", "ecb", "af_alg", "algif_skcipher"];
const base: Config = { luks: false, lvm: false, raid: false, source: "/dev/vdb", modules: VIRTIO };

export const variants = {
  luks: { ...base, luks: true, modules: [...VIRTIO, ...DM_CRYPT] },
  "luks-lvm": { ...base, luks: true, lvm: true, modules: [...VIRTIO, ...DM_CRYPT] },
  lvm: { ...base, lvm: true, modules: [...VIRTIO, "dm_mod"] },
  raid1: { ...base, raid: true, source: "/dev/vdc", modules: [...VIRTIO, "md_mod", "raid1"] },
} satisfies Variants<Config>;

const config = variant<Config>();

/** What the harness waits for on the serial console. */
const DONE = "INITSH-PROVISIONED";

/** Stops with the rescue shell when `ok` is false. */
function step(ok: boolean, what: string): void {
  if (!ok) rescueShell(`provisioning failed: ${what}`);
  log.ok(what);
}

export default function init(): never {
  earlySetup() || rescueShell("cannot mount /proc, /sys and /dev");
  step(modprobe(...config.modules), "kernel modules loaded");
  step(waitForDevice(config.source, 10) !== undefined, `${config.source} is here`);

  let target: DevicePath = "/dev/vda";
  if (config.raid) {
    // --assume-clean: both halves are written through the array below, so no resync is needed.
    step(run("mdadm", "--create", "/dev/md0", "--run", "--level=1", "--raid-devices=2", "--metadata=1.2", "--assume-clean", "/dev/vda", "/dev/vdb"), "RAID1 /dev/md0 made of /dev/vda and /dev/vdb");
    target = "/dev/md0";
  }
  if (config.luks) {
    target = cryptsetup.open(target, "provision", { keyFile: "/etc/provision.key" }) ?? rescueShell("cannot open the LUKS container");
  }
  if (config.lvm) {
    step(run("lvm", "pvcreate", "--yes", target), `physical volume on ${target}`);
    step(run("lvm", "vgcreate", "--yes", "vg0", target), "volume group vg0");
    step(run("lvm", "lvcreate", "--yes", "--name", "root", "--size", "64m", "vg0"), "logical volume vg0/root");
    target = "/dev/mapper/vg0-root";
  }
  step(run("dd", `if=${config.source}`, `of=${target}`, "bs=1M") && run("sync"), `root image copied to ${target}`);
  if (config.lvm) step(run("lvm", "vgchange", "--activate", "n", "vg0"), "vg0 deactivated");
  if (config.luks) step(cryptsetup.close("provision"), "LUKS container closed");
  if (config.raid) step(run("mdadm", "--stop", "/dev/md0"), "RAID1 stopped");
  console.log(DONE);
  void run("poweroff", "-f");
  rescueShell("poweroff -f failed");
}
