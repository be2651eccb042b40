/**
 * The busybox that runs the init when a scenario asks for `shell: "busybox"`: Debian's
 * dynamically linked `busybox` package, whose ash has no standalone applets (a command such
 * as `mount` is looked up on PATH, so it reaches the shims). It is fetched with
 * `apt-get download` and unpacked with `dpkg-deb -x`, never installed (it conflicts with
 * busybox-static), and kept in the simulator's cache folder for later runs.
 *
 * The cache entry is built in a scratch folder beside it and published with one rename, so
 * a half-built entry is never used and two processes fetching at once cannot collide.
 */
import { execFile, spawnSync } from "node:child_process";
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { findExecutable, hostPath } from "./host.ts";
import { shDir } from "./paths.ts";

/** The Debian package fetched by default: the dynamic build, not busybox-static. */
export const BUSYBOX_PACKAGE = "busybox";

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
    promise = own ? checkOwnBusybox(own) : fetchBusybox(simCacheRoot(env), pkg);
    pending.set(key, promise);
    // A failure is not remembered: the next run tries again (the network may be back).
    promise.catch(() => pending.delete(key));
  }
  return promise;
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

/** Fetches PKG into CACHE/busybox/PKG-ARCH unless it is there already. */
async function fetchBusybox(cacheRoot: string, pkg: string): Promise<Busybox> {
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
      `initsh simulate: the busybox shell needs the Debian package "${pkg}" (the dynamically linked busybox), which could not be fetched:\n` +
        `  ${shown.join("\n  ")}\n` +
        `It is downloaded with \`apt-get download ${pkg}\` (not installed) into ${join(cacheRoot, "busybox")}. ` +
        "Alternatively set INITSH_SIM_BUSYBOX to a dynamically linked busybox whose sh runs commands from PATH.",
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
    await checkNotStandalone(join(published, "busybox"), `the Debian package "${pkg}"`);
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
