/**
 * One source, six inits: a plain disk root; a LUKS container holding LVM, unlocked with a
 * passphrase; a LUKS container unlocked with a key file; an LVM volume; an md RAID1 mirror; and
 * a live system copied to RAM. Each variant's script holds only what its configuration turns on:
 *
 *   npx initsh build examples/variants/init.ts --all-variants -o build/variants
 *   npx initsh params examples/variants/init.ts --variant luks-lvm
 */
import {
  cmdline,
  cryptsetup,
  earlySetup,
  log,
  lvm,
  mdraid,
  mkdir,
  modprobe,
  mount,
  parseDeviceSpec,
  rescueShell,
  run,
  switchRoot,
  variant,
  waitForDevice,
  type DevicePath,
  type Variants,
} from "initsh";

interface Config {
  /** The root filesystem is inside a LUKS container (cryptdevice=). */
  luks: boolean;
  /** The key file in the initramfs that unlocks the container; "" asks for a passphrase on the console. */
  keyFile: string;
  /** The root filesystem is an LVM logical volume. */
  lvm: boolean;
  /** The root filesystem is on an md RAID array, assembled first (a mirror with a disk missing starts degraded). */
  raid: boolean;
  /** A live system: a squashfs image on a medium, under a RAM overlay. */
  live: boolean;
  /** Copy the live image into RAM first, so the medium can go (a live system only). */
  toRam: boolean;
  /** The root filesystem's type, for a disk root. */
  rootFs: "ext4" | "btrfs" | "xfs";
  /** Kernel modules every boot of the variant loads. */
  modules: string[];
}

const base: Config = { luks: false, keyFile: "", lvm: false, raid: false, live: false, toRam: false, rootFs: "ext4", modules: ["virtio_pci", "virtio_blk"] };

/** LUKS2 needs the kernel's dm-crypt, its cipher (aes-xts) and the crypto API cryptsetup uses. */
const luksModules = [...base.modules, "dm_mod", "dm_crypt", "aes_generic", "xts", "ecb", "af_alg", "algif_skcipher"];

export const variants = {
  plain: base,
  "luks-lvm": { ...base, luks: true, lvm: true, modules: luksModules },
  // The key file goes into the image only when given to initsh pack: --include KEY:/etc/keys/root.key
  "luks-key": { ...base, luks: true, keyFile: "/etc/keys/root.key", modules: luksModules },
  lvm: { ...base, lvm: true, modules: [...base.modules, "dm_mod"] },
  raid1: { ...base, raid: true, modules: [...base.modules, "md_mod", "raid1"] },
  live: { ...base, live: true, toRam: true, modules: [...base.modules, "loop", "squashfs", "overlay"] },
} satisfies Variants<Config>;

const config = variant<Config>();

/** Where the live medium, the image in RAM and the overlay's layers go. */
const LIVE = "/run/live";

/** Waits for the device a parameter names, or stops with a shell. */
function deviceFrom(parameter: string, spec: string): DevicePath {
  const device = parseDeviceSpec(spec) ?? rescueShell(`${parameter}= is missing or is not a device`);
  /** How many seconds to wait for a device to appear. */
  const seconds = cmdline.int("rootdelay", 10);
  return waitForDevice(device, seconds) ?? rescueShell(`${device} did not appear`);
}

/** The root filesystem's device: assembled, unlocked and activated first where the variant says so. */
function rootDevice(): DevicePath {
  if (config.raid) mdraid.assemble() || log.warn("no RAID array was assembled");
  if (config.luks) {
    /** The LUKS container that holds the root (`cryptdevice=UUID=…`). */
    const container = deviceFrom("cryptdevice", cmdline.string("cryptdevice", ""));
    const unlocked =
      config.keyFile !== ""
        ? cryptsetup.open(container, "cryptroot", { keyFile: config.keyFile })
        : cryptsetup.open(container, "cryptroot", { prompt: "Passphrase for the root filesystem", tries: 3 });
    unlocked ?? rescueShell(`cannot unlock ${container}`);
  }
  if (config.lvm) lvm.activate() || rescueShell("cannot activate the LVM volume groups");
  /** The root filesystem's device: `/dev/vda1`, `LABEL=root`, `/dev/mapper/vg-root` … */
  return deviceFrom("root", cmdline.string("root", ""));
}

/** A live system: the image from the medium (copied to RAM), read-only under a tmpfs overlay. */
function bootLive(): never {
  /** The live medium (`livemedia=LABEL=LIVE`). */
  const medium = deviceFrom("livemedia", cmdline.string("livemedia", "LABEL=LIVE"));
  mount(medium, `${LIVE}/medium`, { type: "auto", readonly: true }) || rescueShell(`cannot mount the live medium ${medium}`);
  /** The image on the medium, as a path inside it. */
  let image = `${LIVE}/medium${cmdline.string("liveimage", "/live/root.squashfs")}`;
  /** `toram` copies the image to RAM (the default of variants that set toRam), `toram=0` keeps it on the medium. */
  const toRam = cmdline.has("toram") ? cmdline.flag("toram") : config.toRam;
  if (toRam) {
    mount("tmpfs", `${LIVE}/ram`, { type: "tmpfs", size: "75%" }) || rescueShell("cannot make the RAM disk");
    run("cp", image, `${LIVE}/ram/root.squashfs`) || rescueShell(`cannot copy ${image} to RAM`);
    image = `${LIVE}/ram/root.squashfs`;
  }
  mount(image, `${LIVE}/image`, { type: "squashfs", loop: true }) || rescueShell(`cannot mount ${image}`);
  mount("tmpfs", `${LIVE}/rw`, { type: "tmpfs", mode: "0755" }) || rescueShell("cannot make the overlay's upper layer");
  (mkdir(`${LIVE}/rw/upper`) && mkdir(`${LIVE}/rw/work`)) || rescueShell("cannot make the overlay's folders");
  mount("overlay", "/newroot", { type: "overlay", lower: [`${LIVE}/image`], upper: `${LIVE}/rw/upper`, work: `${LIVE}/rw/work` }) ||
    rescueShell("cannot mount the overlay");
  log.ok(`Live system from ${medium}`);
  switchRoot("/newroot", cmdline.string("init", "/sbin/init"));
}

export default function init(): never {
  earlySetup() || rescueShell("cannot mount /proc, /sys and /dev");
  modprobe(...config.modules) || log.warn("some kernel modules did not load");
  if (config.live) bootLive();
  const root = rootDevice();
  /** `rw`: mount the root filesystem read-write (read-only otherwise). */
  mount(root, "/newroot", { type: config.rootFs, readonly: !cmdline.flag("rw") }) || rescueShell(`cannot mount ${root} on /newroot`);
  log.ok(`Mounted ${root} on /newroot`);
  /** The program to start as PID 1 on the root filesystem. */
  switchRoot("/newroot", cmdline.string("init", "/sbin/init"));
}
