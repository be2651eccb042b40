// Process spawns per boot on the simulated machine (testing/): a typical init compiled by
// initsh (examples/basic-init.ts: root by LABEL, ext4, switch_root) next to the seed init
// (../shared/seeds/seed-init.sh) booting the same disk.
//
//   node bench/spawns.mjs            prints the Markdown section
//
// bench/run.mjs calls `spawnsSection()` to put it in BENCHMARKS.md. The simulator logs every
// external command (its shims); subshells that run no command ($(…) of a builtin, a pipeline
// stage that is a builtin) are not processes the trace can see, so they are counted from the
// scripts' text and reported apart.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CACHE = join(ROOT, "bench", ".cache");
const SEED = resolve(ROOT, "..", "shared", "seeds", "seed-init.sh");

async function load() {
  mkdirSync(CACHE, { recursive: true });
  const out = join(CACHE, "spawns-lib.mjs");
  await build({
    stdin: {
      contents: 'export { simulate } from "./testing/index.ts"; export { compileFile } from "./compiler/index.ts";',
      resolveDir: ROOT,
      sourcefile: "spawns-entry.ts",
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

const DISK = { name: "vda1", label: "root", uuid: "0d0a4c1e-6f33-4ad8-9f5e-3c1b6b6f0a11", type: "ext4" };

/** The seed looks for each parameter with `grep -q NAME /proc/cmdline` and reads it with sed: answer as grep and sed would. */
function seedOverrides(cmdline) {
  const params = ["cryptoroot=", "lvmroot=", "dmraid=", "softraid=", "mount=", "posixovl", "loopfs=", "bindfs=", "subroot=", "rootfssize="];
  const rules = params.map((p) => ({ argv: ["grep", "-q", p, "/proc/cmdline"], exit: cmdline.includes(p) ? 0 : 1 }));
  const mountValue = /mount=([^ ]*)/.exec(cmdline)?.[1] ?? "";
  rules.push({ argv: ["sed", "s/.*mount=\\([^ ]*\\).*/\\1/"], stdout: `${mountValue}\n` });
  // dev=$(blkid | grep $root | sed 's/:.*//;q'): the line of the matching device, then its path.
  rules.push({ argv: ["grep", mountValue], stdout: `/dev/${DISK.name}: LABEL="${DISK.label}" UUID="${DISK.uuid}" TYPE="ext4"\n` });
  rules.push({ argv: ["sed", "s/:.*//;q"], stdout: `/dev/${DISK.name}\n` });
  // free=$(busybox free | busybox awk …): enough free memory for the tmpfs copy.
  rules.push({ argv: ["busybox", "awk", "/Mem:/ { print int(($4*100)/$3) }"], stdout: "100\n" });
  return rules;
}

/** Command substitutions in a script's text (`$(…)`, not arithmetic `$((…))`): each forks a subshell. */
function substitutions(text) {
  const code = text.split("\n").filter((l) => !/^\s*#/.test(l)).join("\n");
  return (code.match(/\$\((?!\()/g) ?? []).length;
}

export async function spawnsSection() {
  const { simulate, compileFile } = await load();
  const compiled = compileFile(join(ROOT, "examples", "basic-init.ts"));
  if (!compiled.ok) throw new Error("examples/basic-init.ts does not compile");
  const initPath = join(CACHE, "basic-init.sh");
  writeFileSync(initPath, compiled.script, { mode: 0o755 });
  const newRoot = { files: { "/newroot/sbin/init": { content: "#!/bin/sh\n", mode: 0o755 } }, dirs: ["/newroot/dev", "/newroot/proc", "/newroot/sys"] };
  const initsh = await simulate(initPath, { cmdline: "root=LABEL=root quiet", devices: [DISK], ...newRoot, extraCommands: compiled.manifest.commands.filter((c) => !c.includes("/")) });

  const seedCmdline = "mount=root quiet";
  const seed = await simulate(SEED, {
    cmdline: seedCmdline,
    devices: [DISK],
    dirs: ["/mnt", "/sbin", "/bin", "/etc", "/lib", "/usr", "/var", "/boot", "/home", "/root", "/run"],
    files: { "/sbin/init": { content: "#!/bin/sh\n", mode: 0o755 } },
    commands: seedOverrides(seedCmdline),
    extraCommands: ["conspy", "hashalot", "dmsetup", "mount.posixovl", "vgscan", "vgchange", "free", "dirname", "find"],
  });

  const count = (run) => {
    const byName = new Map();
    for (const t of run.trace) byName.set(t.argv[0], (byName.get(t.argv[0]) ?? 0) + 1);
    return byName;
  };
  const row = (name, run, text, purpose) => {
    const byName = count(run);
    const parsing = ["grep", "sed", "awk", "cut", "tr", "cat", "busybox", "ls", "echo", "expr"].reduce((n, c) => n + (byName.get(c) ?? 0), 0);
    const sub = substitutions(text);
    const list = [...byName].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c}×${n}`).join(", ");
    return `| ${name} | ${purpose} | ${run.trace.length} | ${parsing} | ${sub} | ${run.outcome.kind} | ${list} |`;
  };
  const lines = [
    "## 4. Process spawns per boot (simulated machine)",
    "",
    "`node bench/spawns.mjs` runs both inits on the simulated machine (testing/, under dash, with shims that log",
    "every external command) for one disk `/dev/vda1` labelled `root` (ext4). initsh: examples/basic-init.ts with",
    "`root=LABEL=root quiet`. Seed: ../shared/seeds/seed-init.sh with `mount=root quiet` (its way of naming the same",
    "disk); its `grep -q …` / `sed` calls are answered as grep and sed would answer for that command line. The seed",
    "then copies the initramfs into a tmpfs and switches root into that (its design), so it does more than mount a",
    "root — the column that compares like with like is *commands for parsing and decisions*.",
    "",
    "| init | what it does | external commands run | of which for parsing/decisions (grep, sed, awk, cat, ls, echo, busybox …) | `$(…)` in the script | outcome | commands |",
    "|---|---|---:|---:|---:|---|---|",
    row("initsh (examples/basic-init.ts)", initsh, compiled.script, "mount root by LABEL, switch_root"),
    row("seed-init.sh", seed, readFileSync(SEED, "utf8"), "find disk by blkid, tmpfs copy, switch_root"),
    "",
    `initsh's init ran ${initsh.trace.length} commands, each one a boot step (mount, findfs, switch_root); its one \`$(…)\` is`,
    "`captureQuiet(\"findfs\", …)`, run once here. The command line was read, and every decision made, by the shell",
    "itself: no command ran for parsing. (Pipelines fork too; the seed has several, initsh's output has none.)",
  ];
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await spawnsSection());
}
