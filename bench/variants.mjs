// Compiling every variant of one source: `initsh build SOURCE --all-variants -o DIR` for a
// source with 1, 4 and 16 variants (examples/variants/init.ts with its `variants` replaced by
// generated ones: each a different configuration, so every script differs). The target: 16 variants
// in at most 1.5× the time of 1 — a source is type-checked and lowered once, and each variant
// costs only what its configuration changes (compiler/passes/specialize.ts).
//
//   node bench/variants.mjs          prints the Markdown section (with the shipped bin/initsh.js)
//
// bench/run.mjs calls `variantsSection(initsh, env)` with the freshly bundled compiler and its
// warm code cache, and puts the section in BENCHMARKS.md. Runs are round-robin, as there.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CACHE = join(ROOT, "bench", ".cache", "variants");
const TEMPLATE = join(ROOT, "examples", "variants", "init.ts");
/** The example's own variants, which the benchmark replaces. */
const DECLARATION = /export const variants = \{[\s\S]*?\} satisfies Variants<Config>;/;
const COUNTS = [1, 4, 16];

/** The `variants` object for `n` variants: each its own combination of features and modules. */
function variantsText(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const fields = [
      `luks: ${i % 2 === 1}`,
      `lvm: ${i % 4 >= 2}`,
      `live: ${i % 8 >= 4}`,
      `toRam: ${i % 8 >= 4 && i % 16 < 8}`,
      `rootFs: "${["ext4", "btrfs", "xfs"][i % 3]}"`,
      `modules: [...base.modules, "extra${i}"]`,
    ];
    lines.push(`  v${i}: { ...base, ${fields.join(", ")} },`);
  }
  return `export const variants = {\n${lines.join("\n")}\n} satisfies Variants<Config>;`;
}

/** Writes the fixture with `n` variants; returns its path. */
function fixture(n) {
  const text = readFileSync(TEMPLATE, "utf8");
  if (!DECLARATION.test(text)) throw new Error(`${TEMPLATE} no longer declares its variants as the benchmark expects`);
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `variants-${n}.ts`);
  writeFileSync(path, text.replace(DECLARATION, variantsText(n)));
  return path;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Times `initsh build --all-variants` for 1, 4 and 16 variants, round-robin, `runs` rounds.
 * `initsh` is the path of bin/initsh.js to run; `env` its environment (a warm code cache).
 */
export function measureVariants(initsh, env = process.env, runs = 11) {
  const sources = COUNTS.map((n) => ({ n, path: fixture(n), out: join(CACHE, `out-${n}`), ms: [] }));
  const once = (s) => {
    rmSync(s.out, { recursive: true, force: true });
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [initsh, "build", s.path, "--all-variants", "-o", s.out], { env, encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`initsh build --all-variants failed for ${s.n} variants:\n${r.stdout}${r.stderr}`);
    return ms;
  };
  for (const s of sources) once(s); // warm-up: writes the code cache, fills the page cache
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < sources.length; k++) {
      const s = sources[(round + k) % sources.length];
      s.ms.push(once(s));
    }
  }
  return sources;
}

/** The Markdown section for BENCHMARKS.md. */
export function variantsSection(initsh, env = process.env, runs = 11, command = "npm run bench") {
  const results = measureVariants(initsh, env, runs);
  const one = results[0];
  const rows = results.map((r) => `| ${r.n} | ${median(r.ms).toFixed(0)} | ${Math.min(...r.ms).toFixed(0)} | ${Math.max(...r.ms).toFixed(0)} | ${(median(r.ms) / median(one.ms)).toFixed(2)}× |`);
  const sixteen = results[results.length - 1];
  const paired = median(sixteen.ms.map((ms, i) => ms / one.ms[i]));
  const ratio = median(sixteen.ms) / median(one.ms);
  const met = ratio <= 1.5 && paired <= 1.5;
  return `## 5. Every variant of one source

\`initsh build SOURCE --all-variants -o DIR\` for one source with 1, 4 and 16 variants
(examples/variants/init.ts; bench/variants.mjs generates the variants, each its own combination
of LUKS, LVM, live/toram, root filesystem and module list, so every script differs), ${runs}
rounds round-robin after a warm-up, code cache warm. Produced by \`${command}\`.

| variants | median ms | min | max | time / 1 variant |
|---:|---:|---:|---:|---:|
${rows.join("\n")}

16 variants take **${ratio.toFixed(2)}×** the time of 1 (paired per round: ${paired.toFixed(2)}×); target ≤ 1.5×:
**${met ? "met" : "not met"}**. The source is type-checked, lowered and optimised once; each variant
then fills the configuration's slots with its values and folds only what changed
(compiler/passes/specialize.ts, optimizeSpecialized in compiler/passes/optimize.ts).
`;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === "") {
  process.stdout.write(variantsSection(join(ROOT, "bin", "initsh.js"), process.env, 11, "node bench/variants.mjs"));
}
