#!/usr/bin/env node
// Boot time and image size: initsh against the initramfs generators people use today, on the
// same kernel (the QEMU suite's Debian cloud kernel), the same root disk and the same QEMU flags.
//
//   npm run bench:boot            (BOOT_RUNS=N boots per contender, default 7)
//
// Contenders: examples/basic-init.ts and the variants example's plain variant, packed by
// `initsh pack`; a hand-written busybox init (bench/boot/floor-init.sh) packed by initsh pack
// from its hand-written manifest, the floor; Debian's mkinitramfs with MODULES=most and
// MODULES=dep, dracut (generic and --hostonly) and tiny-initramfs, each run in a throwaway
// Debian root of its own (bench/boot/peers.mjs; needs root and, once, the network). Boots run
// round-robin (one of each per round, the first rotating), so load on a shared machine hits all
// alike. Results: the "Boot time and image size" section of BENCHMARKS.md (kept when `npm run
// bench` rewrites the rest) and bench/.cache/boot/results.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { ROOT_INIT, timedBoot } from "./boots.mjs";
import { LUKS_UUID, luksDisk } from "./luks.mjs";
import { buildPeerImage, ensurePeerRoot, countEntries } from "./peers.mjs";

const BOOT = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(dirname(BOOT));
const CACHE = join(ROOT, "bench", ".cache", "boot");
const PEERS = join(ROOT, "bench", ".cache", "peers");
const RUNS = Math.max(1, Number.parseInt(process.env.BOOT_RUNS ?? "7", 10) || 7);
const log = (s) => process.stderr.write(`bench:boot: ${s}\n`);
export const SECTION_BEGIN = "<!-- boot benchmark: begin (npm run bench:boot writes this section) -->";
export const SECTION_END = "<!-- boot benchmark: end -->";

async function loadProject() {
  mkdirSync(CACHE, { recursive: true });
  const out = join(CACHE, "project.mjs");
  await build({
    stdin: {
      contents: [
        'export { prepareHost } from "./tests/qemu/setup.ts";',
        'export { decompress } from "./compiler/pack/compress.ts";',
        'export { buildImage, writeImage } from "./compiler/pack/index.ts";',
        'export { compileInit } from "./tests/qemu/compile.ts";',
      ].join("\n"),
      resolveDir: ROOT,
      sourcefile: "boot-bench-entry.ts",
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile: out,
    logLevel: "warning",
  });
  return import(pathToFileURL(out).href + `?t=${Date.now()}`);
}

function mustRun(argv, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", maxBuffer: 64 << 20, cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`${argv.join(" ")} failed (${r.error ?? r.status}):\n${r.stdout}${r.stderr}`);
  return { ...r, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtS = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : "?");
const fmtMB = (bytes) => (bytes / 1e6).toFixed(2);

/** The root filesystem's UUID: tiny-initramfs finds a root only by UUID= (or a device path). */
const ROOT_UUID = "5a1e7a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

/** The root disk every contender boots: ext4, label root, busybox and the timing /sbin/init. */
function rootDisk(busybox) {
  const stage = join(CACHE, "root-stage");
  const img = join(CACHE, "root.img");
  mustRun(["rm", "-rf", stage, img]);
  for (const d of ["bin", "sbin", "dev", "proc", "sys", "run", "tmp", "newroot"]) mkdirSync(join(stage, d), { recursive: true });
  writeFileSync(join(stage, "bin", "busybox"), readFileSync(busybox), { mode: 0o755 });
  writeFileSync(join(stage, "sbin", "init"), ROOT_INIT, { mode: 0o755 });
  mustRun(["mke2fs", "-q", "-t", "ext4", "-b", "4096", "-L", "root", "-U", ROOT_UUID, "-E", "root_owner=0:0", "-d", stage, img, "64M"], { env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } });
  return img;
}

/** The kernel's .deb (for its config, which mkinitramfs and dracut read), fetched once. */
function kernelDeb(version) {
  const dir = join(CACHE, "deb");
  mkdirSync(dir, { recursive: true });
  const found = () => readdirSync(dir).find((f) => f.startsWith(`linux-image-${version}_`) && f.endsWith(".deb"));
  if (!found()) mustRun(["apt-get", "download", `linux-image-${version}`], { cwd: dir });
  return join(dir, found());
}

/** Compressed size, uncompressed size and entry count of an image (an uncompressed early cpio first, as mkinitramfs may write). */
function imageStats(path, decompress) {
  const bytes = readFileSync(path);
  const parts = [];
  let rest = bytes;
  while (rest.length > 0 && rest.toString("latin1", 0, 6) === "070701") {
    const end = rest.indexOf("TRAILER!!!");
    let cut = end + "TRAILER!!!".length + 1;
    while (cut % 4 !== 0) cut++;
    while (cut < rest.length && rest[cut] === 0) cut++;
    parts.push(rest.subarray(0, cut));
    rest = rest.subarray(cut);
  }
  if (rest.length > 0) parts.push(decompress(rest));
  const cpio = Buffer.concat(parts);
  return { compressed: bytes.length, uncompressed: cpio.length, files: countEntries(cpio) };
}

async function main() {
  const project = await loadProject();
  const host = project.prepareHost();
  const kernel = host.kernel;
  log(`kernel ${kernel.version}; building the root disk and the images`);
  const disk = rootDisk(host.busybox.binary);
  const deb = kernelDeb(kernel.version);
  const images = join(CACHE, "images");
  mkdirSync(images, { recursive: true });
  mustRun([process.execPath, join(ROOT, "compiler", "build.mjs")]);
  const initsh = join(ROOT, "bin", "initsh.js");
  const kernelFlags = ["--kernel-version", kernel.version, "--modules-dir", join(kernel.modulesRoot, "lib", "modules", kernel.version), "--busybox", host.busybox.binary];
  const virtio = ["--add-module", "virtio_pci", "--add-module", "virtio_blk"];

  const contenders = [
    { name: "hand-written busybox init (floor)", key: "floor", append: "", build: (out) => mustRun([process.execPath, initsh, "pack", join(BOOT, "floor-init.sh"), "--manifest", join(BOOT, "floor-init.json"), "-o", out, ...kernelFlags]).ms },
    { name: "initsh: examples/basic-init.ts", key: "initsh-basic", append: "root=LABEL=root modules=virtio_pci,virtio_blk", build: (out) => mustRun([process.execPath, initsh, "pack", join(ROOT, "examples", "basic-init.ts"), "-o", out, ...virtio, ...kernelFlags]).ms },
    { name: "initsh: examples/variants plain", key: "initsh-plain", append: "root=LABEL=root", build: (out) => mustRun([process.execPath, initsh, "pack", join(ROOT, "examples", "variants", "init.ts"), "--variant", "plain", "-o", out, ...kernelFlags]).ms },
    { name: "mkinitramfs MODULES=most", key: "mkinitramfs-most", tool: "initramfs-tools", append: "root=LABEL=root" },
    { name: "mkinitramfs MODULES=dep", key: "mkinitramfs-dep", tool: "initramfs-tools", append: "root=LABEL=root" },
    { name: "dracut (generic)", key: "dracut", tool: "dracut", append: "root=LABEL=root" },
    { name: "dracut --hostonly", key: "dracut-hostonly", tool: "dracut", append: "root=LABEL=root" },
    { name: "tiny-initramfs", key: "tiny-initramfs", tool: "tiny-initramfs", append: `root=UUID=${ROOT_UUID}` },
    // The same root inside LUKS2, unlocked with a key file carried in the image.
    { name: "initsh: examples/variants luks-key", key: "initsh-luks", luks: true, append: `cryptdevice=UUID=${LUKS_UUID} root=/dev/mapper/cryptroot`, build: (out) => mustRun([process.execPath, initsh, "pack", join(ROOT, "examples", "variants", "init.ts"), "--variant", "luks-key", "--include", `${luks.keyFile}:/etc/keys/root.key`, "-o", out, ...kernelFlags]).ms },
    { name: "mkinitramfs MODULES=most, cryptsetup-initramfs", key: "mkinitramfs-luks", tool: "initramfs-tools-crypt", luks: true, append: "root=/dev/mapper/cryptroot" },
  ];
  const only = process.env.BOOT_ONLY?.split(",");
  const chosen = contenders.filter((c) => !only || only.includes(c.key));
  const logs = join(CACHE, "logs");
  mkdirSync(logs, { recursive: true });
  const luks = chosen.some((c) => c.luks) ? await luksDisk({ project, projectRoot: ROOT, host, rootImg: disk, dir: CACHE, logs }) : undefined;
  for (const c of chosen) {
    c.image = join(images, `${c.key}.img`);
    c.disks = c.luks ? [luks.disk] : [disk];
    if (c.tool) {
      const root = ensurePeerRoot(PEERS, c.tool, kernel, deb);
      c.buildMs = buildPeerImage(root, c.key, kernel.version, c.image, luks);
    } else {
      c.buildMs = c.build(c.image);
    }
    c.stats = imageStats(c.image, project.decompress);
    c.boots = [];
    log(`${c.name}: ${fmtMB(c.stats.compressed)} MB, built in ${fmtS(c.buildMs)} s`);
  }

  const loadStart = loadavg().map((x) => x.toFixed(2)).join(" ");
  for (let round = 0; round < RUNS; round++) {
    for (let k = 0; k < chosen.length; k++) {
      const c = chosen[(round + k) % chosen.length];
      const boot = await timedBoot({ qemu: host.tools["qemu-system-x86_64"], vmlinuz: kernel.vmlinuz, initrd: c.image, disks: c.disks, append: c.append, log: join(logs, `${c.key}-${round}.log`) });
      if (boot.wallMs === undefined || boot.panic) throw new Error(`${c.name} did not reach the root (round ${round}): see ${join(logs, `${c.key}-${round}.log`)}`);
      delete boot.serial;
      c.boots.push(boot);
    }
    log(`round ${round + 1}/${RUNS} done`);
  }
  const loadEnd = loadavg().map((x) => x.toFixed(2)).join(" ");

  const results = chosen.map((c) => ({
    key: c.key,
    name: c.name,
    buildMs: c.buildMs,
    stats: c.stats,
    wall: c.boots.map((b) => b.wallMs),
    kernel: c.boots.map(({ wallMs, panic, ...k }) => k),
  }));
  writeFileSync(join(CACHE, "results.json"), JSON.stringify({ kernel: kernel.version, runs: RUNS, loadStart, loadEnd, results }, null, 2));
  const section = report(results, { kernel: kernel.version, loadStart, loadEnd, cpus: cpus().length });
  const mdPath = join(ROOT, "BENCHMARKS.md");
  const md = readFileSync(mdPath, "utf8");
  const begin = md.indexOf(SECTION_BEGIN);
  const end = md.indexOf(SECTION_END);
  const updated = begin >= 0 && end > begin ? md.slice(0, begin) + section + md.slice(end + SECTION_END.length) : `${md.trimEnd()}\n\n${section}\n`;
  writeFileSync(mdPath, updated);
  process.stdout.write(section + "\n");
}

/** The Markdown section, between its markers. A time target is met when both the ratio of medians and the paired ratio are within it (BENCHMARKS.md's rule). */
function report(results, machine) {
  const by = (key) => results.find((r) => r.key === key);
  const wall = (r) => median(r.wall);
  const k = (r, field) => median(r.kernel.map((x) => x[field]).filter((x) => x !== undefined)) * 1000;
  const phase = (r, from, to) => median(r.kernel.filter((x) => x[from] !== undefined && x[to] !== undefined).map((x) => (x[to] - x[from]) * 1000));
  const paired = (a, b) => median(a.wall.map((ms, i) => ms / b.wall[i]));
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${fmtS(wall(r))} | ${fmtS(Math.min(...r.wall))} | ${fmtS(Math.max(...r.wall))} | ${fmtS(k(r, "init"))} | ${fmtS(phase(r, "init", "root"))} | ${fmtMB(r.stats.compressed)} | ${fmtMB(r.stats.uncompressed)} | ${r.stats.files} | ${fmtS(r.buildMs)} |`,
  );
  const phases = results.map((r) => `| ${r.name} | ${fmtS(phase(r, "init", "disk"))} | ${fmtS(phase(r, "disk", "mounted"))} | ${fmtS(phase(r, "mounted", "root"))} |`);
  const floor = by("floor");
  const most = by("mkinitramfs-most");
  const dep = by("mkinitramfs-dep");
  const basic = by("initsh-basic");
  const targets = [];
  if (basic && floor) targets.push(`- time to the root's marker: initsh ${fmtS(wall(basic))} s against the floor's ${fmtS(wall(floor))} s: **${(wall(basic) / wall(floor)).toFixed(2)}×** (paired ${paired(basic, floor).toFixed(2)}×); target ≤ 1.05×: **${wall(basic) / wall(floor) <= 1.05 && paired(basic, floor) <= 1.05 ? "met" : "not met"}**`);
  if (basic && most) targets.push(`- time to the root's marker against mkinitramfs MODULES=most: **${(wall(basic) / wall(most)).toFixed(2)}×** (paired ${paired(basic, most).toFixed(2)}×); target ≤ 0.5×: **${wall(basic) / wall(most) <= 0.5 && paired(basic, most) <= 0.5 ? "met" : "not met"}**`);
  if (basic && most) targets.push(`- image against MODULES=most: **${(basic.stats.compressed / most.stats.compressed).toFixed(3)}×**; target ≤ 0.1×: **${basic.stats.compressed / most.stats.compressed <= 0.1 ? "met" : "not met"}**`);
  if (basic && dep) targets.push(`- image against MODULES=dep: **${(basic.stats.compressed / dep.stats.compressed).toFixed(3)}×**; target ≤ 0.5×: **${basic.stats.compressed / dep.stats.compressed <= 0.5 ? "met" : "not met"}**`);
  if (basic && most) targets.push(`- image build time against mkinitramfs (MODULES=most): **${(basic.buildMs / most.buildMs).toFixed(2)}×**${dep ? ` (MODULES=dep: ${(basic.buildMs / dep.buildMs).toFixed(2)}×)` : ""}; target ≤ 0.5×: **${basic.buildMs / most.buildMs <= 0.5 ? "met" : "not met"}**`);
  const luksInitsh = by("initsh-luks");
  const luksPeer = by("mkinitramfs-luks");
  if (luksInitsh && luksPeer) targets.push(`- LUKS2 with a key file (no target set): initsh ${fmtS(wall(luksInitsh))} s against mkinitramfs with cryptsetup-initramfs ${fmtS(wall(luksPeer))} s: **${(wall(luksInitsh) / wall(luksPeer)).toFixed(2)}×** (paired ${paired(luksInitsh, luksPeer).toFixed(2)}×); image **${(luksInitsh.stats.compressed / luksPeer.stats.compressed).toFixed(3)}×**; build **${(luksInitsh.buildMs / luksPeer.buildMs).toFixed(2)}×**`);
  return `${SECTION_BEGIN}
## 8. Boot time and image size

Produced by \`npm run bench:boot\` (\`node bench/boot/run.mjs\`, ${results[0]?.wall.length ?? 0} boots per contender, round-robin) on
the kernel ${machine.kernel}, QEMU TCG, ${machine.cpus} cores; load average ${machine.loadStart} → ${machine.loadEnd}. Every
contender boots the same root disk (ext4, \`root=LABEL=root\`) whose /sbin/init writes a marker to
the console and to the kernel log, prints the kernel log and powers off. *Wall* is QEMU's start
to the marker on the console; the kernel columns come from the kernel log (printk.time=1): when
the kernel ran /init, and from there to the root's init. The peers are Debian bookworm's, run in
throwaway roots of their own (bench/boot/peers.mjs) with Debian's default settings but MODULES.

| contender | wall median s | min | max | kernel → /init s | /init → root s | image MB | uncompressed MB | files | build s |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

Targets:
${targets.join("\n")}

Where the time in the initramfs goes (kernel log, medians, seconds):

| contender | /init → disk found (module loading, device) | → root mounted | → root's init (switch_root) |
|---|---:|---:|---:|
${phases.join("\n")}
${SECTION_END}`;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main().catch((error) => {
    process.stderr.write(`bench:boot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
