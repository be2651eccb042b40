/**
 * The kit: everything the fake root borrows from the host, copied once into a cache folder
 * and bind-mounted read-only at /.sim/kit in every run — dash, the helper binaries (mount,
 * mkdir), their loader and libraries, and the shim library; for a run under busybox also
 * the busybox binary (bin/busybox) and its libraries, in a kit of its own. Copies, not the
 * host's own files, so nothing the init does can reach a host binary or library.
 */
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { linkage, loaderSupportsArgv0, type HostTools } from "./host.ts";
import { shimSources } from "./paths.ts";
import { shQuote } from "./quote.ts";

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

const FORMAT = "initsh-sim-kit-4";

const cached = new Map<string, Kit>();

/**
 * Returns the kit for these host tools, building it (atomically) when it does not exist yet.
 * With `busybox` (the path of a dynamically linked busybox), the kit also holds it as
 * bin/busybox, with its libraries: a different kit folder from the dash-only one.
 */
export function ensureKit(tools: HostTools, busybox?: string): Kit {
  const memo = cached.get(busybox ?? "");
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
  const library = libraryHeader(basename(loader), argv0) + shimSources.map((f) => readFileSync(f, "utf8")).join("\n");
  const shim = `#!${KIT_MOUNT}/bin/dash\n. ${KIT_MOUNT}/sh/lib.sh\n. /.sim/data.sh\nsim_run "\${0##*/}" "$@"\n`;
  const hostFiles = [tools.dash, tools.mount, tools.mkdir, ...(busybox === undefined ? [] : [busybox]), loader, ...libraries];

  const hash = createHash("sha256").update(FORMAT).update(library).update(shim);
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
  cached.set(busybox ?? "", kit);
  return kit;
}

function libraryHeader(loaderName: string, argv0: boolean): string {
  return [
    "# The shim library of initsh's simulated machine (generated from testing/sh/shim/*.sh).",
    `SIM_LD_NAME=${shQuote(loaderName)}`,
    `SIM_LD_ARGV0=${argv0 ? 1 : 0}`,
    "",
  ].join("\n");
}
