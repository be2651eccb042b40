/**
 * `initsh pack` without booting (tests/qemu boots its images): the cpio it writes is what GNU
 * cpio reads and is the same bytes every time; ELF files are read for their loader, libraries
 * and .modinfo; modules resolve as modprobe resolves them; an image holds exactly what its
 * manifest asks for; and every problem is one clear message, with nothing written.
 * The kernel module tree is the QEMU suite's cached cloud kernel (fetched on first use).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFile, type Manifest } from "../compiler/index.ts";
import { readCpio, writeCpio, type CpioEntry } from "../compiler/pack/cpio.ts";
import { readElf } from "../compiler/pack/elf.ts";
import { buildImage, formatListing, listImage, PackError, type ImageOptions } from "../compiler/pack/index.ts";
import { LibraryResolver } from "../compiler/pack/libraries.ts";
import { moduleClosure, readModuleTree, resolveModule, type ModuleTree } from "../compiler/pack/modules.ts";
import { prepareHost, type QemuHost } from "./qemu/setup.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "initsh.js");
const scratch = mkdtempSync(join(tmpdir(), "initsh-pack-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let host: QemuHost;
let tree: ModuleTree;
let kernel: ImageOptions;
beforeAll(() => {
  host = prepareHost();
  const modulesDir = join(host.kernel.modulesRoot, "lib", "modules", host.kernel.version);
  tree = readModuleTree(modulesDir, host.kernel.version);
  kernel = { kernelVersion: host.kernel.version, modulesDir, busybox: host.busybox.binary };
});

/** An init written inline, compiled; its script and manifest. */
function compile(source: string): { script: string; manifest: Manifest } {
  const dir = mkdtempSync(join(scratch, "src-"));
  writeFileSync(join(dir, "init.ts"), source);
  const r = compileFile(join(dir, "init.ts"));
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return { script: r.script, manifest: r.manifest };
}

const modprobing = compile(`import { earlySetup, modprobe, rescueShell, run, switchRoot } from "initsh";
export default function init(): never {
  earlySetup() || rescueShell("no early setup");
  modprobe("virtio_blk", "dm-crypt") || rescueShell("no modules");
  run("cryptsetup", "--version") || rescueShell("no cryptsetup");
  switchRoot("/newroot");
}
`);

describe("cpio", () => {
  const entries: CpioEntry[] = [
    { kind: "file", path: "/init", mode: 0o755, data: Buffer.from("#!/bin/sh\n") },
    { kind: "dir", path: "/bin", mode: 0o755 },
    { kind: "symlink", path: "/bin/sh", target: "busybox" },
    { kind: "char", path: "/dev/console", mode: 0o600, major: 5, minor: 1 },
    { kind: "dir", path: "/dev", mode: 0o755 },
  ];

  it("is read by GNU cpio as written: sorted, owner 0:0, the given time, the device node", () => {
    const archive = writeCpio(entries, 1_700_000_000);
    const listed = spawnSync("cpio", ["-itv", "--quiet"], { input: archive, encoding: "utf8", env: { ...process.env, TZ: "UTC", LC_ALL: "C" } });
    expect(listed.status, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split("\n");
    expect(lines.map((l) => l.split(/\s+/).at(-1) === "busybox" ? l.split(/\s+/).slice(-3).join(" ") : l.split(/\s+/).at(-1))).toEqual(["bin", "bin/sh -> busybox", "dev", "dev/console", "init"]);
    for (const l of lines) expect(l).toMatch(/^\S+\s+\d+\s+root\s+root\s/);
    expect(lines.find((l) => l.endsWith("dev/console"))).toMatch(/^crw-------\s+1\s+root\s+root\s+5,\s+1 Nov 14\s+2023 dev\/console$/);
    expect(readCpio(archive).map((e) => `${e.type} ${e.path}`)).toEqual(["d bin", "l bin/sh", "d dev", "c dev/console", "- init"]);
  });

  it("the same entries in any order give the same bytes", () => {
    expect(writeCpio([...entries].reverse()).equals(writeCpio(entries))).toBe(true);
  });
});

describe("ELF files", () => {
  it("a dynamic program: its loader and libraries; busybox-static: none", () => {
    const ls = readElf(readFileSync("/bin/ls"));
    expect(ls.interpreter).toMatch(/\/ld-linux-x86-64\.so\.2$/);
    expect(ls.needed).toContain("libc.so.6");
    expect(readElf(readFileSync(host.busybox.binary))).toMatchObject({ interpreter: undefined, needed: [] });
  });

  it("a kernel module: its .modinfo strings", () => {
    const info = readElf(readFileSync(join(tree.dir, tree.paths.get("dm_crypt")!))).modinfo;
    expect(info).toContain("license=GPL");
    expect(info.some((s) => s.startsWith("depends=dm-mod"))).toBe(true);
  });

  it("cryptsetup's libraries, found as the loader finds them, its own libraries' included", () => {
    const paths = new LibraryResolver().closure("/usr/sbin/cryptsetup").map((f) => f.path);
    for (const lib of ["libcryptsetup.so.12", "libc.so.6", "libcrypto.so.3", "libargon2.so.1"]) expect(paths.some((p) => p.endsWith(`/${lib}`))).toBe(true);
    expect(paths.some((p) => p.endsWith("/ld-linux-x86-64.so.2"))).toBe(true);
    // What ldd says must be a subset of that (ldd runs the loader; pack only reads the files).
    const ldd = spawnSync("ldd", ["/usr/sbin/cryptsetup"], { encoding: "utf8" }).stdout;
    const sonames = [...ldd.matchAll(/^\s*(\S+\.so[.\d]*) =>/gm)].map((m) => m[1]!);
    for (const soname of sonames) expect(paths.some((p) => p.endsWith(`/${soname}`)), soname).toBe(true);
  });
});

describe("kernel modules", () => {
  it("resolves names as modprobe does: - and _ alike, built-ins known, unknown names not", () => {
    expect(resolveModule(tree, "dm-crypt")).toEqual({ modules: ["dm_crypt"] });
    expect(resolveModule(tree, "ext4")).toBe("builtin");
    expect(resolveModule(tree, "no_such_module")).toBeUndefined();
  });

  it("takes a module's dependencies first", () => {
    const closure = moduleClosure(tree, ["virtio_blk"]);
    expect(closure.at(-1)).toBe(tree.paths.get("virtio_blk"));
    expect(closure).toContain(tree.paths.get("virtio_ring"));
  });
});

describe("an image from a manifest", () => {
  it("holds busybox with exactly the applets the init runs, the other programs with their libraries, the modules with their dependencies", () => {
    const image = buildImage(modprobing.script, modprobing.manifest, kernel);
    const paths = image.files.map((f) => f.entry.path);
    const applets = image.files.filter((f) => f.entry.kind === "symlink" && f.entry.path.startsWith("/bin/")).map((f) => f.entry.path.slice(5)).sort();
    // sh is there anyway: /init's #!/bin/sh.
    expect(applets).toEqual([...new Set([...modprobing.manifest.commands.filter((c) => c.busybox).map((c) => c.name), "sh"])].sort());
    expect(paths).toContain("/usr/sbin/cryptsetup");
    expect(paths.some((p) => p.endsWith("/libcryptsetup.so.12"))).toBe(true);
    expect(paths).toContain("/run/cryptsetup");
    for (const m of ["kernel/drivers/block/virtio_blk.ko", "kernel/drivers/md/dm-crypt.ko", "kernel/drivers/md/dm-mod.ko", "modules.dep"]) {
      expect(paths).toContain(`/lib/modules/${host.kernel.version}/${m}`);
    }
    const dep = image.files.find((f) => f.entry.path.endsWith("/modules.dep"))!.entry as { data: Buffer };
    expect(dep.data.toString()).toContain("kernel/drivers/md/dm-crypt.ko: kernel/drivers/md/dm-mod.ko");
    expect(image.files.find((f) => f.entry.path === "/dev/console")?.entry).toMatchObject({ kind: "char", major: 5, minor: 1 });
  });

  it("is the same bytes every time, and carries SOURCE_DATE_EPOCH's time", () => {
    const a = buildImage(modprobing.script, modprobing.manifest, kernel).bytes;
    const b = buildImage(modprobing.script, modprobing.manifest, kernel).bytes;
    expect(a.equals(b)).toBe(true);
    const dated = buildImage(modprobing.script, modprobing.manifest, { ...kernel, mtime: 1_700_000_000, compression: "none" }).bytes;
    expect(dated.toString("latin1", 6 + 5 * 8, 6 + 6 * 8)).toBe((1_700_000_000).toString(16).padStart(8, "0"));
  });

  it("a key file only from --include, never from this machine by itself", () => {
    const keyed = compile(`import { cryptsetup, rescueShell, switchRoot } from "initsh";
export default function init(): never {
  cryptsetup.open("/dev/vda", "root", { keyFile: "/etc/keys/root.key" }) ?? rescueShell("locked");
  switchRoot("/newroot");
}
`);
    expect(() => buildImage(keyed.script, keyed.manifest, kernel)).toThrow(
      "the init reads the key file /etc/keys/root.key (init.ts:3): give it with --include SOURCE:/etc/keys/root.key (a secret is never taken from this machine by itself)",
    );
    const key = join(scratch, "root.key");
    writeFileSync(key, "secret", { mode: 0o600 });
    const image = buildImage(keyed.script, keyed.manifest, { ...kernel, includes: [{ source: key, dest: "/etc/keys/root.key" }] });
    expect(image.files.find((f) => f.entry.path === "/etc/keys/root.key")?.entry).toMatchObject({ kind: "file", mode: 0o600 });
  });

  it("says what is missing, naming the line: a module the kernel lacks, a program this machine lacks", () => {
    const missing = compile(`import { modprobe, rescueShell, run, switchRoot } from "initsh";
export default function init(): never {
  modprobe("no_such_module") || rescueShell("no module");
  switchRoot("/newroot");
}
`);
    expect(() => buildImage(missing.script, missing.manifest, kernel)).toThrow(`the kernel ${host.kernel.version} has no module no_such_module; the init loads it (init.ts:3)`);
    const absent = compile(`import { rescueShell, run, switchRoot } from "initsh";
export default function init(): never {
  run("no-such-program") || rescueShell("no program");
  switchRoot("/newroot");
}
`);
    expect(() => buildImage(absent.script, absent.manifest, kernel)).toThrow("no-such-program (init.ts:3) is not on this machine, so it cannot go into the image");
  });

  it("a busybox that is not static, and a missing module tree, are refused with the package to install", () => {
    expect(() => buildImage(modprobing.script, modprobing.manifest, { ...kernel, busybox: "/bin/ls" })).toThrow("/bin/ls is not a statically linked busybox: install busybox-static");
    expect(() => buildImage(modprobing.script, modprobing.manifest, { ...kernel, modulesDir: "/nonexistent/modules" })).toThrow(PackError);
  });
});

describe("the command", () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [bin, "pack", ...args], { encoding: "utf8", cwd: root });
  const flags = () => ["--kernel-version", host.kernel.version, "--modules-dir", kernel.modulesDir!, "--busybox", kernel.busybox!];

  it("packs a variant, lists it, and gives the same image twice", () => {
    const a = join(scratch, "a.img");
    const b = join(scratch, "b.img");
    const source = join(root, "examples", "variants", "init.ts");
    for (const out of [a, b]) {
      const r = cli(source, "--variant", "plain", "-o", out, ...flags());
      expect(r.status, r.stderr).toBe(0);
    }
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const listing = cli("--list", a).stdout;
    expect(listing).toContain("lrwxrwxrwx       7 /bin/mount -> busybox\n");
    expect(listing).toMatch(/^-rwxr-xr-x +\d+ \/init$/m);
    expect(listing).toBe(formatListing(listImage(a)));
  });

  it("writes nothing when it fails, and says why in one line", () => {
    const out = join(scratch, "never.img");
    const r = cli(join(root, "examples", "variants", "init.ts"), "--variant", "plain", "-o", out, ...flags().slice(0, 2), "--modules-dir", "/nonexistent", "--busybox", kernel.busybox!);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^initsh pack: the kernel's modules are not at \/nonexistent: .*\n$/);
    expect(readdirSync(scratch).filter((f) => f.includes("never"))).toEqual([]);
    expect(cli("-o", out).status).toBe(2);
    expect(cli(join(root, "examples", "basic-init.ts"), "-o", out, "--compress", "lz4").stderr).toContain("--compress is gzip, zstd, xz, none, not 'lz4'");
  });
});
