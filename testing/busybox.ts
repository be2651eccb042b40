/**
 * The two busyboxes of the simulated machine, both fetched from Debian with
 * `apt-get download` and unpacked with `dpkg-deb -x` (never installed), and kept in the
 * simulator's cache folder for later runs:
 *
 * - `busybox-static`, in every run: the build a real initramfs carries. The shims that model
 *   its applets compare against it (testing/tests/conformance.test.ts), and the file
 *   utilities (cp, cat, sed, od …) *are* its applets, run on the fake root after the call is
 *   traced. Statically linked, so it needs no library in the fake root.
 * - `busybox`, the dynamically linked build, when a scenario asks for `shell: "busybox"`: its
 *   ash has no standalone applets (a command such as `mount` is looked up on PATH, so it
 *   reaches the shims).
 *
 * A cache entry is built in a scratch folder beside it and published with one rename, so a
 * half-built entry is never used and two processes fetching at once cannot collide.
 */
import { execFile, spawnSync } from "node:child_process";
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { findExecutable, hostPath } from "./host.ts";
import { shDir } from "./paths.ts";

/** The Debian package fetched for `shell: "busybox"`: the dynamic build, not busybox-static. */
export const BUSYBOX_PACKAGE = "busybox";

/** The Debian package whose applets the shims model and the file utilities run. */
export const STATIC_BUSYBOX_PACKAGE = "busybox-static";

/** A busybox binary ready to be copied into the kit. */
export interface Busybox {
  /** Absolute path of the binary on the host (inside the cache entry, or $INITSH_SIM_BUSYBOX). */
  binary: string;
  /** Where it came from, for messages: e.g. `Debian package busybox 1:1.35.0-4+deb12u1+b1 (amd64)`. */
  origin: string;
}

/** The file whose presence marks a finished cache entry. */
const READY = ".ready";

/**
 * The simulator's cache folder: $INITSH_SIM_CACHE, else `node_modules/.cache/initsh-sim` of
 * the project initsh is installed in (or of initsh's own checkout).
 */
export function simCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INITSH_SIM_CACHE) return env.INITSH_SIM_CACHE;
  const packageRoot = dirname(dirname(shDir)); // shDir is <package>/testing/sh
  const parent = dirname(packageRoot);
  const nodeModules = basename(parent) === "node_modules" ? parent : join(packageRoot, "node_modules");
  return join(nodeModules, ".cache", "initsh-sim");
}

const pending = new Map<string, Promise<Busybox>>();

/**
 * Returns the busybox binary, fetching it into the cache the first time. $INITSH_SIM_BUSYBOX
 * names a binary to use instead (it must be dynamically linked against the same loader as
 * dash, and not standalone); $INITSH_SIM_BUSYBOX_PACKAGE the Debian package to fetch.
 *
 * @throws Error naming the package (and the command that failed) when it cannot be obtained.
 */
export function ensureBusybox(env: NodeJS.ProcessEnv = process.env): Promise<Busybox> {
  const own = env.INITSH_SIM_BUSYBOX;
  const pkg = env.INITSH_SIM_BUSYBOX_PACKAGE || BUSYBOX_PACKAGE;
  const key = own ? `file:${own}` : `pkg:${simCacheRoot(env)}\0${pkg}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = own ? checkOwnBusybox(own) : fetchBusybox(simCacheRoot(env), pkg, "dynamic");
    pending.set(key, promise);
    // A failure is not remembered: the next run tries again (the network may be back).
    promise.catch(() => pending.delete(key));
  }
  return promise;
}

/**
 * Returns Debian's statically linked busybox (the package busybox-static), fetching it into the
 * cache the first time. $INITSH_SIM_BUSYBOX_STATIC names a binary to use instead (it must be
 * statically linked: it runs inside the fake root, where no library is).
 *
 * @throws Error naming the package (and the command that failed) when it cannot be obtained.
 */
export function ensureStaticBusybox(env: NodeJS.ProcessEnv = process.env): Promise<Busybox> {
  const own = env.INITSH_SIM_BUSYBOX_STATIC;
  const key = own ? `static-file:${own}` : `static-pkg:${simCacheRoot(env)}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = own ? checkOwnStaticBusybox(own) : fetchBusybox(simCacheRoot(env), STATIC_BUSYBOX_PACKAGE, "static");
    pending.set(key, promise);
    promise.catch(() => pending.delete(key));
  }
  return promise;
}

async function checkOwnStaticBusybox(given: string): Promise<Busybox> {
  const binary = resolve(given);
  try {
    accessSync(binary, constants.X_OK);
  } catch (error) {
    throw new Error(`initsh simulate: INITSH_SIM_BUSYBOX_STATIC=${binary} is not an executable file (${(error as Error).message})`);
  }
  checkStatic(binary, `INITSH_SIM_BUSYBOX_STATIC=${binary}`);
  return { binary, origin: binary };
}

/** Refuses a binary that needs a dynamic loader: the static busybox runs where no library is. */
function checkStatic(binary: string, what: string): void {
  if (!isStaticElf(readFileSync(binary))) {
    throw new Error(`initsh simulate: ${what} is not a statically linked executable (the simulator needs busybox-static's build)`);
  }
}

/** Whether `bytes` is an ELF executable without a program interpreter (PT_INTERP), i.e. static. */
export function isStaticElf(bytes: Buffer): boolean {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46) return false;
  const is64 = bytes[4] === 2;
  const little = bytes[5] === 1;
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const phoff = is64 ? Number(little ? bytes.readBigUInt64LE(32) : bytes.readBigUInt64BE(32)) : u32(28);
  const phentsize = u16(is64 ? 54 : 42);
  const phnum = u16(is64 ? 56 : 44);
  const PT_INTERP = 3;
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 4 > bytes.length) return false;
    if (u32(at) === PT_INTERP) return false;
  }
  return true;
}

async function checkOwnBusybox(given: string): Promise<Busybox> {
  const binary = resolve(given);
  try {
    accessSync(binary, constants.X_OK);
  } catch (error) {
    throw new Error(`initsh simulate: INITSH_SIM_BUSYBOX=${binary} is not an executable file (${(error as Error).message})`);
  }
  await checkNotStandalone(binary, `INITSH_SIM_BUSYBOX=${binary}`);
  return { binary, origin: binary };
}

/**
 * Fetches PKG into CACHE/busybox/PKG-ARCH unless it is there already. `kind` says which build
 * it must be: "dynamic" (its sh must run commands from PATH) or "static" (no loader).
 */
async function fetchBusybox(cacheRoot: string, pkg: string, kind: "dynamic" | "static"): Promise<Busybox> {
  if (!/^[a-z0-9][a-z0-9+.-]+$/.test(pkg)) {
    throw new Error(`initsh simulate: cannot fetch busybox: ${JSON.stringify(pkg)} is not a Debian package name (INITSH_SIM_BUSYBOX_PACKAGE)`);
  }
  const entry = join(cacheRoot, "busybox", `${pkg}-${process.arch}`);
  const binary = join(entry, "busybox");
  if (existsSync(join(entry, READY))) return { binary, origin: originOf(entry, pkg) };

  const fail = (why: string): never => {
    const lines = why.trim().split("\n");
    const shown = lines.length > 30 ? [...lines.slice(0, 2), "…", ...lines.slice(-25)] : lines;
    throw new Error(
      (kind === "dynamic"
        ? `initsh simulate: the busybox shell needs the Debian package "${pkg}" (the dynamically linked busybox), which could not be fetched:\n`
        : `initsh simulate: the simulated machine needs the Debian package "${pkg}" (the busybox a real initramfs carries), which could not be fetched:\n`) +
        `  ${shown.join("\n  ")}\n` +
        `It is downloaded with \`apt-get download ${pkg}\` (not installed) into ${join(cacheRoot, "busybox")}. ` +
        (kind === "dynamic"
          ? "Alternatively set INITSH_SIM_BUSYBOX to a dynamically linked busybox whose sh runs commands from PATH."
          : "Alternatively set INITSH_SIM_BUSYBOX_STATIC to a statically linked busybox (Debian's busybox-static build)."),
    );
  };
  const apt = findExecutable("apt-get");
  const dpkgDeb = findExecutable("dpkg-deb");
  if (!apt || !dpkgDeb) fail(`${apt ? "dpkg-deb" : "apt-get"} was not found on PATH (a Debian or Ubuntu host is needed)`);

  try {
    mkdirSync(dirname(entry), { recursive: true });
  } catch (error) {
    fail(`cannot create the cache folder ${dirname(entry)}: ${(error as Error).message} (INITSH_SIM_CACHE chooses another)`);
  }
  const scratch = mkdtempSync(join(dirname(entry), `.build-${pkg}-`));
  try {
    const download = join(scratch, "download");
    mkdirSync(download);
    let got = await run(apt!, ["-q", "download", pkg], download);
    if (got.status !== 0 && !packageListsPresent()) {
      // A fresh container has no package lists: fetch them, then try again.
      if (process.getuid?.() !== 0) fail(`${got.output}\nThe package lists are missing; run \`apt-get update\` as root first.`);
      const update = await run(apt!, ["-q", "update"], download);
      if (update.status !== 0) fail(`apt-get update failed:\n${update.output}`);
      got = await run(apt!, ["-q", "download", pkg], download);
    }
    if (got.status !== 0) fail(`apt-get download ${pkg} failed:\n${got.output}`);
    const debs = readdirSync(download).filter((f) => f.endsWith(".deb"));
    if (debs.length !== 1) fail(`apt-get download ${pkg} left ${debs.length} .deb files in ${download}`);
    const deb = join(download, debs[0]!);
    const unpacked = join(scratch, "x");
    const x = await run(dpkgDeb!, ["-x", deb, unpacked], scratch);
    if (x.status !== 0) fail(`dpkg-deb -x ${debs[0]} failed:\n${x.output}`);
    const found = ["bin/busybox", "usr/bin/busybox"].map((p) => join(unpacked, p)).find((p) => existsSync(p) && statSync(p).isFile());
    if (!found) fail(`the package ${debs[0]} holds no bin/busybox`);
    const fields = await run(dpkgDeb!, ["-f", deb, "Version", "Architecture"], scratch);
    const published = join(scratch, "entry");
    mkdirSync(published);
    copyFileSync(found!, join(published, "busybox"));
    chmodSync(join(published, "busybox"), 0o755);
    if (kind === "dynamic") await checkNotStandalone(join(published, "busybox"), `the Debian package "${pkg}"`);
    else checkStatic(join(published, "busybox"), `the Debian package "${pkg}"'s busybox`);
    const [version, arch] = fields.status === 0 ? fields.output.trim().split("\n").map((l) => l.replace(/^\w+: /, "")) : [];
    writeFileSync(join(published, "origin"), `Debian package ${pkg}${version ? ` ${version}` : ""}${arch ? ` (${arch})` : ""}\n`);
    writeFileSync(join(published, READY), "");
    if (existsSync(entry) && !existsSync(join(entry, READY))) rmSync(entry, { recursive: true, force: true });
    try {
      renameSync(published, entry);
    } catch (error) {
      // Another process published it first: use that one.
      if (!existsSync(join(entry, READY))) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { binary, origin: originOf(entry, pkg) };
}

function originOf(entry: string, pkg: string): string {
  try {
    return readFileSync(join(entry, "origin"), "utf8").trim();
  } catch {
    return `Debian package ${pkg}`;
  }
}

/** Whether apt has package lists (a fresh container has none until `apt-get update`). */
function packageListsPresent(): boolean {
  let dir = "/var/lib/apt/lists";
  try {
    const lists = /^\S+='?([^']*)'?$/m.exec(execFileText("apt-config", ["shell", "L", "Dir::State::lists/d"]));
    if (lists?.[1]) dir = lists[1];
  } catch {
    // keep the default
  }
  try {
    return readdirSync(dir).some((f) => f.includes("_Packages"));
  } catch {
    return false;
  }
}

function execFileText(file: string, args: string[]): string {
  // Rare (only after a failed download) and quick: synchronous is fine.
  return spawnSync(file, args, { encoding: "utf8", env: { ...process.env, PATH: hostPath, LC_ALL: "C" } }).stdout ?? "";
}

/**
 * Refuses a busybox whose sh runs its own applets before PATH (a "standalone" shell, such as
 * Debian's busybox-static): under it, `mount` and the rest would bypass the shims.
 */
async function checkNotStandalone(binary: string, what: string): Promise<void> {
  const probe = mkdtempSync(join(tmpdir(), "initsh-sim-probe-"));
  try {
    writeFileSync(join(probe, "mount"), "#!/bin/sh\necho initsh-shim-reached\n", { mode: 0o755 });
    // `mount` with no operand only lists mounts, so a standalone shell's own applet is harmless here.
    const r = await run(binary, ["sh", "-c", "mount"], probe, { PATH: probe });
    if (!r.output.includes("initsh-shim-reached")) {
      const lines = r.output.trim().split("\n");
      const shown = lines.slice(0, 3).join("\n  ") + (lines.length > 3 ? "\n  …" : "");
      throw new Error(
        `initsh simulate: ${what} cannot run the init: its sh did not run the \`mount\` found on PATH ` +
          `(a standalone busybox shell runs its own applets, bypassing the shims; busybox-static is one). Output:\n  ${shown || `(none, status ${r.status})`}`,
      );
    }
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Runs a command and collects its status and output (stdout and stderr together). */
function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = { ...process.env, PATH: hostPath, LC_ALL: "C" }): Promise<{ status: number; output: string }> {
  return new Promise((done) => {
    execFile(file, args, { cwd, env, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      const spawnError = error && typeof error.code !== "number" ? `${error.message}\n` : "";
      done({ status, output: `${spawnError}${stdout}${stderr}` });
    });
  });
}
