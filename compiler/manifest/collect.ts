import { basename } from "node:path";
import type { Command, Needs, Origin, ParamRead, Simple } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { forEachCommand } from "../sh/walk.ts";
import { BUSYBOX_APPLETS } from "./busybox-applets.ts";

/**
 * The manifest: what a compiled script may need on the machine it boots, read from the final
 * script — after every pass, so code a variant or a constant test removed asks for nothing.
 * Its format is manifest.schema.json beside this file; `initsh pack` reads it.
 */
export interface Manifest {
  /** The format's version: 1. */
  manifestVersion: 1;
  /** The entry file, as given to the compiler. */
  source: string;
  /** The variant built, for a source with variants. */
  variant?: string;
  /** Every external program the script may run, by name, sorted. */
  commands: ManifestCommand[];
  /** Kernel modules the script may load by name. */
  modules: {
    /** Names known when the script is compiled (a literal, a configuration value), sorted. */
    names: string[];
    /** For each of those names, the lines that load it. */
    at: Record<string, string[]>;
    /** Whether it may also load modules whose names are known only at boot (the command line …): a packer needs a policy for those. */
    dynamic: boolean;
    /** The lines where such names come in. */
    dynamicAt: string[];
  };
  /** Files of the initramfs the script reads (key files, configuration), sorted. */
  files: { path: string; at: string[]; secret?: true }[];
}

export interface ManifestCommand {
  /** As the script runs it: `mount`, or a path such as `/sbin/lvm`. */
  name: string;
  /** Whether busybox-static 1.35 has an applet of this name (a path never counts). */
  busybox: boolean;
  /** For a program busybox does not provide: the Debian package that does, when known. */
  package?: string;
  /** The lines of the user's program that lead to it (`init.ts:42`); for one the boot library runs, the calls into the library that reach it. */
  at: string[];
}

/** Debian packages of the programs inits commonly run that busybox-static lacks. */
const PACKAGES: Record<string, string> = {
  cryptsetup: "cryptsetup-bin",
  lvm: "lvm2",
  vgchange: "lvm2",
  vgscan: "lvm2",
  lvchange: "lvm2",
  pvscan: "lvm2",
  mdadm: "mdadm",
  dmraid: "dmraid",
  dmsetup: "dmsetup",
  blkid: "util-linux",
  e2fsck: "e2fsprogs",
  "fsck.ext4": "e2fsprogs",
  fsck: "util-linux",
  "mount.posixovl": "posixovl",
  hashalot: "hashalot",
  udevadm: "udev",
  kmod: "kmod",
};

/** The runner helpers: `__run LOC name args…` (and `__runa RUNNER LOC name ARRAY`). */
const RUNNERS = new Set(["__run", "__runq", "__runqq", "__exec"]);

/** Where a command sits: in a function (by name) or in the program's top level. */
type Place = string | undefined;

interface Found {
  commands: Map<string, { place: Place; origin?: Origin }[]>;
  needs: { needs: Needs; place: Place; origin?: Origin }[];
  /** Calls of the script's functions: callee, caller, where. */
  calls: { callee: string; place: Place; origin?: Origin }[];
}

function simple(c: Simple, place: Place, functions: ReadonlySet<string>, found: Found): void {
  const words = c.words.map((w) => sh.literalText(w));
  const first = words[0];
  if (first === undefined) return;
  if (functions.has(first)) found.calls.push({ callee: first, place, origin: c.origin });
  // `__run LOC name …`, `__runa __run LOC name ARRAY`.
  const name = RUNNERS.has(first) ? words[2] : first === "__runa" ? words[3] : undefined;
  if (name === undefined) return;
  const list = found.commands.get(name) ?? [];
  list.push({ place, origin: c.origin });
  found.commands.set(name, list);
}

/**
 * Reads the manifest off the final script. `userFunctions` are the functions of the user's own
 * program; everything else defined is the boot library's. `entry` is the user's file.
 */
export function collectManifest(
  program: { functions: readonly Command[]; main: readonly Command[] },
  userFunctions: ReadonlySet<string>,
  entry: string,
): { manifest: Omit<Manifest, "manifestVersion" | "source" | "variant">; params: ParamRead[] } {
  const defined = new Set(program.functions.flatMap((c) => (c.kind === "function" ? [c.name] : [])));
  const found: Found = { commands: new Map(), needs: [], calls: [] };
  forEachCommand([...program.functions, ...program.main], (c, place) => {
    if (c.needs) found.needs.push({ needs: c.needs, place, origin: c.origin });
    if (c.kind === "simple") simple(c, place, defined, found);
  });
  const isUser = (place: Place) => place === undefined || userFunctions.has(place);
  const line = (o: Origin | undefined) => (o ? `${basename(o.file)}:${o.line}` : undefined);
  const userLine = (o: Origin | undefined) => (o && o.file === entry ? line(o) : undefined);

  // The user's lines that reach a library function, through any chain of library calls.
  const reach = new Map<string, Set<string>>();
  const sitesOf = (fn: string, seen: Set<string>): Set<string> => {
    const known = reach.get(fn);
    if (known) return known;
    const out = new Set<string>();
    if (seen.has(fn)) return out;
    seen.add(fn);
    for (const call of found.calls.filter((c) => c.callee === fn)) {
      if (isUser(call.place)) {
        const at = userLine(call.origin);
        if (at) out.add(at);
      } else {
        for (const s of sitesOf(call.place!, seen)) out.add(s);
      }
    }
    if (seen.size === 1) reach.set(fn, out);
    seen.delete(fn);
    return out;
  };
  const at = (place: Place, origin: Origin | undefined): string[] => {
    if (isUser(place)) {
      const l = userLine(origin);
      return l ? [l] : [];
    }
    return [...sitesOf(place!, new Set())];
  };
  const sortedLines = (lines: Iterable<string>) => [...new Set(lines)].sort(byLine);

  const commandSites = new Map<string, string[]>();
  for (const [name, uses] of found.commands) commandSites.set(name, uses.flatMap((u) => at(u.place, u.origin)));
  for (const n of found.needs) {
    for (const name of n.needs.commands ?? []) commandSites.set(name, [...(commandSites.get(name) ?? []), ...at(n.place, n.origin)]);
  }
  const commands: ManifestCommand[] = [...commandSites]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, sites]) => {
      const busybox = !name.includes("/") && BUSYBOX_APPLETS.has(name);
      const pkg = busybox ? undefined : PACKAGES[basename(name)];
      return { name, busybox, ...(pkg ? { package: pkg } : {}), at: sortedLines(sites) };
    });

  const modules = new Map<string, string[]>();
  const dynamicAt: string[] = [];
  let dynamic = false;
  const files = new Map<string, { at: string[]; secret: boolean }>();
  const params: ParamRead[] = [];
  for (const n of found.needs) {
    const sites = at(n.place, n.origin);
    if (n.needs.modules) {
      n.needs.modules.names.forEach((m) => modules.set(m, [...(modules.get(m) ?? []), ...sites]));
      if (n.needs.modules.dynamic) {
        dynamic = true;
        dynamicAt.push(...sites);
      }
    }
    for (const f of n.needs.files ?? []) {
      const known = files.get(f);
      files.set(f, { at: [...(known?.at ?? []), ...sites], secret: (known?.secret ?? false) || !!n.needs.secret });
    }
    params.push(...(n.needs.params ?? []));
  }
  const names = [...modules.keys()].sort();
  return {
    manifest: {
      commands,
      modules: { names, at: Object.fromEntries(names.map((m) => [m, sortedLines(modules.get(m)!)])), dynamic, dynamicAt: sortedLines(dynamicAt) },
      files: [...files]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([path, f]) => ({ path, at: sortedLines(f.at), ...(f.secret ? { secret: true as const } : {}) })),
    },
    params,
  };
}

/** `init.ts:9` before `init.ts:10`. */
function byLine(a: string, b: string): number {
  const [fa, la] = splitLine(a);
  const [fb, lb] = splitLine(b);
  return fa < fb ? -1 : fa > fb ? 1 : la - lb;
}

const splitLine = (s: string): [string, number] => {
  const i = s.lastIndexOf(":");
  return [s.slice(0, i), Number(s.slice(i + 1))];
};
