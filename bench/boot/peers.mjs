// The initramfs generators initsh is compared with, each in a throwaway Debian root of its own
// (bench/.cache/peers/<tool>/, made once by debootstrap and kept): initramfs-tools'
// mkinitramfs, dracut, tiny-initramfs. They run there under chroot, with the benchmark kernel's
// modules and config copied in — never on this machine's /boot. Needs root (debootstrap,
// chroot, mount --bind) and the network the first time.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MIRROR = "http://deb.debian.org/debian";

/** The roots: each tool with what it needs to build an image for a root on ext4 (and LUKS). */
export const PEER_ROOTS = {
  // Apart: with cryptsetup-initramfs installed, every image mkinitramfs makes carries cryptsetup.
  "initramfs-tools": ["initramfs-tools", "busybox", "kmod", "cpio", "zstd", "udev"],
  "initramfs-tools-crypt": ["initramfs-tools", "busybox", "kmod", "cpio", "zstd", "udev", "cryptsetup-initramfs"],
  dracut: ["dracut", "kmod", "cpio", "zstd"],
  "tiny-initramfs": ["tiny-initramfs", "kmod", "cpio", "zstd"],
};

function run(argv, opts = {}) {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) throw new Error(`${argv.join(" ")} failed (${r.error ?? r.status}):\n${r.stdout}${r.stderr}`);
  return r;
}

/** The tool's root under `cache`, made first when missing; the kernel's modules and config are put in. */
export function ensurePeerRoot(cache, tool, kernel, kernelDeb) {
  const root = join(cache, tool);
  if (!existsSync(join(root, ".ready"))) {
    const scratch = `${root}.tmp`;
    rmSync(scratch, { recursive: true, force: true });
    if (spawnSync("sh", ["-c", "command -v debootstrap"]).status !== 0) {
      run(["apt-get", "install", "-y", "--no-install-recommends", "debootstrap"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    }
    run(["debootstrap", "--variant=minbase", `--include=${PEER_ROOTS[tool].join(",")}`, "bookworm", scratch, MIRROR]);
    rmSync(root, { recursive: true, force: true });
    renameSync(scratch, root);
    writeFileSync(join(root, ".ready"), "");
  }
  const modules = join(root, "lib", "modules", kernel.version);
  if (!existsSync(modules)) {
    mkdirSync(join(root, "lib", "modules"), { recursive: true });
    cpSync(join(kernel.modulesRoot, "lib", "modules", kernel.version), modules, { recursive: true });
  }
  if (!existsSync(join(root, "boot", `config-${kernel.version}`))) {
    run(["sh", "-c", 'dpkg-deb --fsys-tarfile "$1" | tar -x -C "$2" "./boot/config-$3"', "sh", kernelDeb, root, kernel.version]);
  }
  return root;
}

/**
 * Runs `argv` in `root` under chroot, with /proc, /sys and /dev bound in, and the root itself a
 * mount point (a bind of itself: MODULES=dep and --hostonly look for the device / is on, which is
 * then this machine's own disk, a virtio disk as the benchmark's guest has); its wall time in ms.
 */
export function inChroot(root, argv) {
  run(["mount", "--bind", root, root]);
  const binds = ["proc", "sys", "dev"];
  try {
    for (const b of binds) run(["mount", "--bind", `/${b}`, join(root, b)]);
    const t0 = process.hrtime.bigint();
    run(["chroot", root, ...argv], { env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", LC_ALL: "C" } });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  } finally {
    for (const b of binds.reverse()) spawnSync("umount", [join(root, b)]);
    spawnSync("umount", [root]);
  }
}

/**
 * Builds a peer's image into `out` (a path on this machine); returns its build time in ms.
 * `kind`: "mkinitramfs-most", "mkinitramfs-dep", "dracut", "dracut-hostonly", "tiny-initramfs",
 * or "mkinitramfs-luks" (MODULES=most, and `luks`: the container's UUID and key file, unlocked
 * the way cryptsetup-initramfs documents for a key file in the image).
 */
export function buildPeerImage(root, kind, kernelVersion, out, luks) {
  const inside = `/tmp/${kind}.img`;
  let ms;
  switch (kind) {
    case "mkinitramfs-luks": {
      // crypttab(5) names the container and its key file, with `initramfs` (unlock it in the
      // initramfs: the chroot's own / is not on it); KEYFILE_PATTERN lets the hook copy the key
      // into the image, and UMASK=0077 keeps it private there (cryptsetup-initramfs's README).
      mkdirSync(join(root, "etc", "keys"), { recursive: true, mode: 0o700 });
      writeFileSync(join(root, "etc", "keys", "root.key"), readFileSync(luks.keyFile), { mode: 0o600 });
      writeFileSync(join(root, "etc", "crypttab"), `cryptroot UUID=${luks.uuid} /etc/keys/root.key luks,initramfs\n`);
      writeFileSync(join(root, "etc", "cryptsetup-initramfs", "conf-hook"), 'KEYFILE_PATTERN="/etc/keys/*.key"\n');
      const conf = "/etc/initramfs-tools-luks";
      rmSync(join(root, conf), { recursive: true, force: true });
      cpSync(join(root, "etc", "initramfs-tools"), join(root, conf), { recursive: true });
      const file = join(root, conf, "initramfs.conf");
      writeFileSync(file, `${readFileSync(file, "utf8").replace(/^MODULES=.*$/m, "MODULES=most")}\nUMASK=0077\n`);
      ms = inChroot(root, ["mkinitramfs", "-d", conf, "-o", inside, kernelVersion]);
      break;
    }
    case "mkinitramfs-most":
    case "mkinitramfs-dep": {
      // A configuration folder per MODULES setting; everything else as Debian ships it.
      const conf = `/etc/initramfs-tools-${kind}`;
      rmSync(join(root, conf), { recursive: true, force: true });
      cpSync(join(root, "etc", "initramfs-tools"), join(root, conf), { recursive: true });
      const file = join(root, conf, "initramfs.conf");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^MODULES=.*$/m, `MODULES=${kind === "mkinitramfs-most" ? "most" : "dep"}`));
      ms = inChroot(root, ["mkinitramfs", "-d", conf, "-o", inside, kernelVersion]);
      break;
    }
    case "dracut":
      ms = inChroot(root, ["dracut", "--no-hostonly", "--force", "--kver", kernelVersion, inside]);
      break;
    case "dracut-hostonly":
      // Host-only from a chroot sees this machine, not the guest: its kernel has the virtio block
      // driver built in (so dracut would leave virtio_blk out) and its root's mount options
      // include ones the guest's kernel refuses (so the host's root= line is not baked in).
      ms = inChroot(root, ["dracut", "--hostonly", "--no-hostonly-cmdline", "--add-drivers", "virtio_blk", "--force", "--kver", kernelVersion, inside]);
      break;
    case "tiny-initramfs":
      // Its modules named (it does not look at the guest's hardware), as its README advises for
      // an image made for other hardware.
      ms = inChroot(root, ["mktirfs", "-o", inside, "--auto-modules=no", "--include-modules=virtio_pci,virtio_blk", kernelVersion]);
      break;
    default:
      throw new Error(`unknown peer ${kind}`);
  }
  cpSync(join(root, inside), out);
  return ms;
}

/** The number of entries of an uncompressed cpio stream (what `cpio -t` lists). */
export function countEntries(cpio) {
  const listed = spawnSync("cpio", ["-t", "--quiet"], { input: cpio, maxBuffer: 256 << 20, encoding: "utf8" });
  return listed.stdout.split("\n").filter((l) => l !== "").length;
}

/** Whether a folder holds anything. */
export const isEmptyDir = (dir) => !existsSync(dir) || readdirSync(dir).length === 0;
