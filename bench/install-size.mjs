// What `npm install initsh` puts on disk: the package as `npm pack` makes it, unpacked, plus
// every runtime dependency it pulls in (dependencies and, for this platform, the optional
// dependencies installed with them, recursively), each measured as the versions this checkout's
// node_modules holds (the lockfile's). The target: at most a third of the 54 MB an install took
// before the compiler shipped without runtime dependencies.
//
//   node bench/install-size.mjs [REF]   prints the Markdown section: the working tree, and REF
//                                       (default df4d7fc, before) built and packed the same way
//
// REF is exported with `git archive` into a temporary folder, its dist/ bundled by its own
// compiler/build.mjs (with this checkout's node_modules), and packed there; nothing is fetched.
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const MODULES = join(ROOT, "node_modules");
const BEFORE = "df4d7fc";
const TARGET_FRACTION = 1 / 3;

/** Files counted already, by device and inode: esbuild's installer hard-links its binary into esbuild/bin. */
const counted = new Set();

/** Bytes of the files below `path` (symbolic links not followed, a hard-linked file once). */
function bytes(path) {
  const stat = lstatSync(path);
  if (stat.isDirectory()) return readdirSync(path).reduce((sum, name) => sum + bytes(join(path, name)), 0);
  const id = `${stat.dev}:${stat.ino}`;
  if (counted.has(id)) return 0;
  counted.add(id);
  return stat.size;
}

/** The runtime dependency closure of a package.json's `dependencies`, as folders of MODULES. */
function closure(manifest) {
  const found = new Map();
  const visit = (name) => {
    if (found.has(name)) return;
    const dir = join(MODULES, name);
    if (!existsSync(dir)) return; // an optional dependency for another platform
    const own = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    found.set(name, { version: own.version, bytes: bytes(dir) });
    for (const dep of Object.keys({ ...own.dependencies, ...own.optionalDependencies })) visit(dep);
  };
  for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep);
  return found;
}

/** Packs the package in `dir` into `into`; returns its unpacked size and file count, as npm reports them. */
function pack(dir, into) {
  const [info] = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", into], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  return { bytes: info.unpackedSize, files: info.entryCount, tarball: info.size };
}

/** The install of the package in `dir` (whose dist/ is built). */
function measure(dir, scratch) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const deps = closure(manifest);
  const own = pack(dir, scratch);
  const total = own.bytes + [...deps.values()].reduce((s, d) => s + d.bytes, 0);
  return { own, deps, total };
}

/** REF's tree, exported and built, measured. */
async function measureRef(ref, scratch) {
  const dir = join(scratch, "ref");
  execFileSync("sh", ["-c", `mkdir -p '${dir}' && git -C '${ROOT}' archive '${ref}' | tar -x -C '${dir}'`]);
  symlinkSync(MODULES, join(dir, "node_modules"));
  const { bundle } = await import(pathToFileURL(join(dir, "compiler", "build.mjs")).href);
  await bundle("dist", { logLevel: "silent" });
  return measure(dir, scratch);
}

const mb = (n) => (n / 1e6).toFixed(1);

/** The Markdown section for BENCHMARKS.md. */
export async function installSizeSection(ref = BEFORE) {
  const scratch = mkdtempSync(join(tmpdir(), "initsh-size-"));
  try {
    if (!existsSync(join(ROOT, "dist", "initsh.cjs"))) throw new Error("dist/ is missing: run npm run build");
    const now = measure(ROOT, scratch);
    const before = await measureRef(ref, scratch);
    const row = (what, m) =>
      `| ${what} | ${mb(m.total)} | ${mb(m.own.bytes)} (${m.own.files} files) | ${m.deps.size === 0 ? "none" : [...m.deps].sort((a, b) => b[1].bytes - a[1].bytes).map(([n, d]) => `${n} ${d.version} ${mb(d.bytes)}`).join(", ")} |`;
    const met = now.total <= before.total * TARGET_FRACTION;
    return `## 7. Install size

What \`npm install initsh\` puts on disk: the package as \`npm pack\` makes it (unpacked), plus every runtime
dependency it pulls in, recursively, at the versions of this checkout's lockfile (a file hard-linked twice, as
esbuild's installer links its binary, counted once). Measured by
\`node bench/install-size.mjs\`, which also builds and packs ${ref} (before the compiler shipped without runtime
dependencies) the same way. Megabytes (10⁶ bytes) of file contents.

| Package | total MB | initsh itself MB | runtime dependencies, MB |
|---|---:|---:|---|
${row(`before (${ref})`, before)}
${row("now (working tree)", now)}

Target ≤ ${mb(before.total * TARGET_FRACTION)} MB (a third of before): **${met ? "met" : "not met"}** (${(now.total / before.total * 100).toFixed(0)} % of before).
The compiler's TypeScript ships inside dist/ (dist/typescript.cjs, without the language service: compiler/slim-typescript.mjs);
a variants source's types are stripped with it too (compiler/front/strip-types.ts), so neither \`typescript\`,
\`ts-morph\` nor \`esbuild\` is installed with initsh. A project's own TypeScript and vitest (for \`tsc\`, the
editor and its tests) are its development dependencies, which \`initsh init\` adds.
`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(await installSizeSection(process.argv[2]));
}
