/**
 * The kit: everything the fake root borrows from the host, copied once into a cache folder
 * and bind-mounted read-only at /.sim/kit in every run — dash, the helper binaries (mount,
 * mkdir), their loader and libraries, Debian's busybox-static (static/busybox: the applets
 * the shims model, and the file utilities they run), and the shim library; for a run under
 * busybox also the dynamically linked busybox binary (bin/busybox) and its libraries, in a
 * kit of its own. Copies, not the host's own files, so nothing the init does can reach a
 * host binary or library.
 */
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { linkage, loaderSupportsArgv0, type HostTools } from "./host.ts";
import { shimCoreSources, shimModelSources } from "./paths.ts";
import { shQuote } from "./quote.ts";
import { FILESYSTEMS } from "./procfs.ts";
import { DISK_READERS, FILE_APPLETS } from "./shimNames.ts";

/** Where the kit is mounted inside the fake root. */
export const KIT_MOUNT = "/.sim/kit";

/** A symbolic link the fake root needs so that the kit's dash can start. */
export interface KitLink {
  /** Absolute path in the fake root, e.g. /lib64/ld-linux-x86-64.so.2. */
  path: string;
  /** What it points to, inside the kit. */
  target: string;
}

/** A ready kit. */
export interface Kit {
  /** The kit folder on the host. */
  dir: string;
  /**
   * Links to create in every fake root: the loader and the libraries of dash (and of busybox,
   * in a busybox kit) at the paths they expect them.
   */
  links: KitLink[];
}

const FORMAT = "initsh-sim-kit-5";

/** Where the static busybox is inside the kit (SIM_BB in the shims). */
export const KIT_STATIC_BUSYBOX = `${KIT_MOUNT}/static/busybox`;

const cached = new Map<string, Kit>();

/**
 * Returns the kit for these host tools, building it (atomically) when it does not exist yet.
 * `staticBusybox` is the path of busybox-static's binary (static/busybox in the kit). With
 * `busybox` (the path of a dynamically linked busybox), the kit also holds it as
 * bin/busybox, with its libraries: a different kit folder from the dash-only one.
 */
export function ensureKit(tools: HostTools, staticBusybox: string, busybox?: string): Kit {
  const memoKey = `${staticBusybox}\0${busybox ?? ""}`;
  const memo = cached.get(memoKey);
  if (memo) return memo;
  const dash = linkage(tools.dash);
  const helpers = [tools.mount, tools.mkdir].map((b) => ({ binary: b, linkage: linkage(b) }));
  const bb = busybox === undefined ? undefined : linkage(busybox);
  const loader = dash.loader;
  const libraries = [...new Set([...dash.libraries, ...(bb?.libraries ?? []), ...helpers.flatMap((h) => h.linkage.libraries)])];
  if (loader === undefined) throw new Error(`initsh simulate: ${tools.dash} is not dynamically linked; a static dash is not supported yet`);
  for (const h of helpers) {
    if (h.linkage.loader !== undefined && h.linkage.loader !== loader) {
      throw new Error(`initsh simulate: ${h.binary} uses another dynamic loader (${h.linkage.loader}) than dash (${loader})`);
    }
  }
  if (bb !== undefined && bb.loader !== loader) {
    throw new Error(
      `initsh simulate: ${busybox} ${bb.loader === undefined ? "is not dynamically linked" : `uses another dynamic loader (${bb.loader})`}; ` +
        `the busybox shell needs a busybox linked like dash (${loader})`,
    );
  }
  const argv0 = loaderSupportsArgv0(loader);
  const library = shimCore(basename(loader), argv0);
  const models = shimModels();
  const shim = `#!${KIT_MOUNT}/bin/dash\n. ${KIT_MOUNT}/sh/lib.sh\n. /.sim/data.sh\nsim_run "\${0##*/}" "$@"\n`;
  const hostFiles = [tools.dash, tools.mount, tools.mkdir, staticBusybox, ...(busybox === undefined ? [] : [busybox]), loader, ...libraries];

  const hash = createHash("sha256").update(FORMAT).update(library).update(models).update(shim);
  for (const file of hostFiles) {
    const st = statSync(file);
    hash.update(`${file}\0${st.size}\0${st.mtimeMs}\0`);
  }
  const uid = process.getuid?.() ?? 0;
  const dir = join(tmpdir(), `initsh-sim-kit-${uid}-${hash.digest("hex").slice(0, 16)}`);
  const links: KitLink[] = [
    { path: loader, target: `${KIT_MOUNT}/lib/${basename(loader)}` },
    ...[...new Set([...dash.libraries, ...(bb?.libraries ?? [])])].map((lib) => ({ path: lib, target: `${KIT_MOUNT}/lib/${basename(lib)}` })),
  ];

  if (!existsSync(join(dir, "complete"))) {
    const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    mkdirSync(join(tmp, "bin"), { recursive: true });
    mkdirSync(join(tmp, "lib"));
    mkdirSync(join(tmp, "sh"));
    mkdirSync(join(tmp, "static"));
    copyFileSync(staticBusybox, join(tmp, "static", "busybox"));
    chmodSync(join(tmp, "static", "busybox"), 0o755);
    const binaries: [string, string][] = [[tools.dash, "dash"], [tools.mount, "mount"], [tools.mkdir, "mkdir"]];
    if (busybox !== undefined) binaries.push([busybox, "busybox"]);
    for (const [binary, name] of binaries) {
      copyFileSync(binary, join(tmp, "bin", name));
      chmodSync(join(tmp, "bin", name), 0o755);
    }
    for (const lib of [loader, ...libraries]) {
      copyFileSync(lib, join(tmp, "lib", basename(lib)));
      chmodSync(join(tmp, "lib", basename(lib)), 0o755);
    }
    writeFileSync(join(tmp, "sh", "lib.sh"), library);
    writeFileSync(join(tmp, "sh", "models.sh"), models);
    writeFileSync(join(tmp, "sh", "shim"), shim, { mode: 0o755 });
    writeFileSync(join(tmp, "complete"), "");
    try {
      renameSync(tmp, dir);
    } catch (error) {
      // Another process built the same kit first: use that one.
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(join(dir, "complete"))) throw error;
    }
  }
  const kit = { dir, links };
  cached.set(memoKey, kit);
  return kit;
}

/**
 * The core of the shim library as the kit holds it (sh/lib.sh, loaded by every shim): a
 * generated header (the loader, the static busybox, the command and filesystem lists) and
 * the core sources.
 */
export function shimCore(loaderName: string, argv0: boolean): string {
  return libraryHeader(loaderName, argv0) + shimCoreSources.map((f) => readFileSync(f, "utf8")).join("\n");
}

/** The models (sh/models.sh), loaded by the shims of the commands that have one. */
export function shimModels(): string {
  return "# The models of initsh's simulated machine (generated from testing/sh/shim/*.sh).\n" + shimModelSources.map((f) => readFileSync(f, "utf8")).join("\n");
}

/** The whole shim library, core and models, as one script (what shellcheck checks). */
export function shimLibrary(loaderName: string, argv0: boolean): string {
  return shimCore(loaderName, argv0) + shimModelSources.map((f) => readFileSync(f, "utf8")).join("\n");
}

function libraryHeader(loaderName: string, argv0: boolean): string {
  return [
    "# The shim library of initsh's simulated machine (generated from testing/sh/shim/*.sh).",
    "# Its tables (the mount table, devices, loops) are assigned and read through eval:",
    "# shellcheck disable=SC2034,SC2154",
    `SIM_LD_NAME=${shQuote(loaderName)}`,
    `SIM_LD_ARGV0=${argv0 ? 1 : 0}`,
    `SIM_BB=${KIT_STATIC_BUSYBOX}`,
    "# sim_file_applet NAME: succeeds when NAME runs busybox-static's own applet (shimNames.ts FILE_APPLETS).",
    `sim_file_applet() { case $1 in ${FILE_APPLETS.join(" | ")}) return 0 ;; esac; return 1; }`,
    "# sim_disk_reader NAME: succeeds when NAME's operands naming a disk read its image (DISK_READERS).",
    `sim_disk_reader() { case $1 in ${DISK_READERS.join(" | ")}) return 0 ;; esac; return 1; }`,
    "# sim_fs_known TYPE, sim_fs_nodev TYPE: whether the kernel knows TYPE, and needs no device for it (procfs.ts FILESYSTEMS).",
    `sim_fs_known() { case $1 in ${FILESYSTEMS.map(([, t]) => t).join(" | ")}) return 0 ;; esac; return 1; }`,
    `sim_fs_nodev() { case $1 in ${FILESYSTEMS.filter(([nodev]) => nodev).map(([, t]) => t).join(" | ")}) return 0 ;; esac; return 1; }`,
    "",
  ].join("\n");
}
