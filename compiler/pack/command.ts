import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "../manifest/collect.ts";
import { COMPRESSIONS, MODULE_POLICIES, PackError, buildImage, formatListing, listImage, writeImage, type Compression, type ImageOptions, type ModulePolicy } from "./index.ts";

type Compiler = typeof import("../index.ts");

export const PACK_HELP = `Usage:
  initsh pack <init.ts> [--variant <name>] -o <initrd.img> [options]
  initsh pack <init.ts> --all-variants -o <dir> [options]     <dir>/initrd-<name>.img for each
  initsh pack <init.sh> [--manifest <init.json>] -o <initrd.img> [options]
  initsh pack --list <initrd.img>                             what an image holds

Options:
  --kernel-version <kv>      the kernel the image is for (default: the running kernel's)
  --modules-dir <dir>        its modules (default: /lib/modules/<kv>)
  --busybox <path>           a statically linked busybox (default: /bin/busybox, Debian's busybox-static)
  --include <src>[:<dest>]   a host file or folder to put in the image (repeatable; key files only this way)
  --compress gzip|zstd|xz|none   (default gzip)
  --modules manifest|most|dep    modules named only at boot: none, most storage and filesystem
                             modules, or those loaded on this machine now (default manifest)
  --add-module <name>        one more kernel module (repeatable)
  --explain                  print each file of the image with why it is there

The image is reproducible: entries sorted, owner 0:0, one time (SOURCE_DATE_EPOCH or 0).
It is written whole or not at all.
`;

const VALUES = ["-o", "--variant", "--manifest", "--kernel-version", "--modules-dir", "--busybox", "--include", "--compress", "--modules", "--add-module", "--list"];
const SWITCHES = ["--all-variants", "--explain"];

function usage(message: string): number {
  process.stderr.write(`initsh pack: ${message}\n\n${PACK_HELP}`);
  return 2;
}

/** `initsh pack …`; returns the exit status. `loadCompiler` loads the compiler only when a .ts is given. */
export async function runPackCommand(args: readonly string[], loadCompiler: () => Promise<{ compiler: Compiler; done(): void }>): Promise<number> {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") {
      process.stdout.write(PACK_HELP);
      return 0;
    }
    if (VALUES.includes(arg)) {
      const value = args[++i];
      if (value === undefined) return usage(`${arg} needs a value`);
      values.set(arg, [...(values.get(arg) ?? []), value]);
    } else if (SWITCHES.includes(arg)) switches.add(arg);
    else if (arg.startsWith("-")) return usage(`there is no option '${arg}'`);
    else operands.push(arg);
  }
  const one = (name: string) => values.get(name)?.at(-1);
  try {
    const list = one("--list");
    if (list !== undefined) {
      if (operands.length > 0) return usage("--list takes the image and nothing else");
      process.stdout.write(formatListing(listImage(list)));
      return 0;
    }
    if (operands.length !== 1) return usage(operands.length === 0 ? "give the init to pack (init.ts, or a compiled init.sh)" : `one init at a time, not ${operands.join(" and ")}`);
    const out = one("-o");
    if (out === undefined) return usage("-o <initrd.img> says where the image goes");
    const compression = one("--compress") ?? "gzip";
    if (!COMPRESSIONS.includes(compression as Compression)) return usage(`--compress is ${COMPRESSIONS.join(", ")}, not '${compression}'`);
    const policy = one("--modules") ?? "manifest";
    if (!MODULE_POLICIES.includes(policy as ModulePolicy)) return usage(`--modules is ${MODULE_POLICIES.join(", ")}, not '${policy}'`);
    const includes = (values.get("--include") ?? []).map((spec) => {
      const colon = spec.indexOf(":");
      const source = colon < 0 ? spec : spec.slice(0, colon);
      const dest = colon < 0 ? spec : spec.slice(colon + 1);
      if (!dest.startsWith("/")) throw new PackError(`--include ${spec}: the place in the image must be an absolute path`);
      return { source, dest };
    });
    const options: ImageOptions = {
      compression: compression as Compression,
      modules: policy as ModulePolicy,
      extraModules: values.get("--add-module") ?? [],
      includes,
      ...(one("--kernel-version") ? { kernelVersion: one("--kernel-version")! } : {}),
      ...(one("--modules-dir") ? { modulesDir: one("--modules-dir")! } : {}),
      ...(one("--busybox") ? { busybox: one("--busybox")! } : {}),
    };
    const entry = operands[0]!;
    const explain = switches.has("--explain");
    if (!entry.endsWith(".ts")) {
      if (switches.has("--all-variants") || one("--variant")) return usage("--variant and --all-variants need the source (init.ts), not a compiled script");
      const manifestPath = one("--manifest") ?? entry.replace(/\.sh$/, "") + ".json";
      if (!existsSync(manifestPath)) return usage(`${entry} needs its manifest (initsh build --manifest FILE): ${manifestPath} is not there; give --manifest FILE`);
      const script = readFileSync(entry, "utf8");
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
      return packOne(script, manifest, out, options, explain);
    }
    const { compiler, done } = await loadCompiler();
    try {
      if (switches.has("--all-variants")) {
        const all = compiler.compileVariants(entry);
        if (!all.ok) return reportDiagnostics(compiler, all.diagnostics);
        if (all.variants.length === 1 && all.variants[0]!.name === "") return usage(`${entry} declares no variants: pack it without --all-variants`);
        mkdirSync(out, { recursive: true });
        for (const v of all.variants) {
          const status = packOne(v.script, v.manifest, join(out, `initrd-${v.name}.img`), options, explain);
          if (status !== 0) return status;
        }
        return 0;
      }
      const variant = one("--variant");
      const result = compiler.compileFile(entry, variant === undefined ? {} : { variant });
      if (!result.ok) return reportDiagnostics(compiler, result.diagnostics);
      return packOne(result.script, result.manifest, out, options, explain);
    } finally {
      done();
    }
  } catch (error) {
    if (error instanceof PackError) {
      process.stderr.write(`initsh pack: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function packOne(script: string, manifest: Manifest, out: string, options: ImageOptions, explain: boolean): number {
  const image = buildImage(script, manifest, options);
  for (const w of image.warnings) process.stderr.write(`initsh pack: warning: ${w}\n`);
  writeImage(out, image.bytes);
  if (explain) {
    for (const f of [...image.files].sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1))) process.stdout.write(`${f.entry.path}\t${f.reason}\n`);
  }
  process.stdout.write(`${out}: ${image.files.length} entries, ${image.bytes.length} bytes\n`);
  return 0;
}

function reportDiagnostics(compiler: Compiler, diagnostics: Parameters<Compiler["formatDiagnostics"]>[0]): number {
  process.stderr.write(compiler.formatDiagnostics(diagnostics) + "\n");
  const errors = diagnostics.filter((d) => d.category === "error").length;
  process.stderr.write(`\nFound ${errors} error${errors === 1 ? "" : "s"}. No image was written.\n`);
  return 1;
}
