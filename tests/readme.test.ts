/**
 * The READMEs' examples, executed, so that they cannot drift from what initsh does. Each
 * README runs in a folder of its own, where `initsh`, `npx initsh` and `npm run …` reach this
 * checkout (built: dist/) and `examples/` is this repository's:
 *
 * - a block whose info string names a file (```ts init.ts, ```json luks.json) is written there
 *   first (before any command runs), and a TypeScript one must compile;
 * - ```sh blocks run as one `sh -e` script each, line by line as written, except the commands
 *   in NOT_RUN below (installing packages; a QEMU boot; this repository's own test suite), each
 *   for a reason; `initsh pack` packs for the QEMU suites' kernel where this machine has no
 *   module tree of its running kernel (forThisMachine);
 * - TypeScript that imports vitest is a test: all of a README's run in one vitest, and pass;
 * - TypeScript that only declares types must declare exactly initsh/testing's types of those names;
 * - any other TypeScript is a program, which must compile.
 *
 * testing/README.md is read as the next step of a project `initsh init` made (its init.ts and
 * scenario.json are there).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { release, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileVariants, formatDiagnostics } from "../compiler/index.ts";
import { simCacheRoot } from "../testing/busybox.ts";
import { prepareHost } from "./qemu/setup.ts";
import { codeBlocks, kindOf, type CodeBlock } from "./readme/blocks.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
/** The typescript package, whose lib files a user's tsc reads (ts-morph's keeps them in memory). */
const typescript = createRequire(import.meta.url)("typescript") as typeof ts;
const initsh = join(root, "bin", "initsh.js");

/** Commands of the READMEs' sh blocks that are not run, and why. */
const NOT_RUN: [RegExp, string][] = [
  [/^npm ci$/, "installs this repository's dependencies, which running this test needed already"],
  [/^qemu-system-x86_64\b/, "boots until the guest powers off, from a root disk the reader has: tests/qemu boots images packed the same way"],
  [/^npm install\b/, "installs from the registry: tests/project.test.ts installs the packed package offline; here node_modules links to this checkout"],
];
/** `npm test` in a block that also runs `npm ci`: this repository's own suite, which is running. */
const OWN_SUITE = /^npm test$/;

const READMES = [
  { path: "README.md", scaffold: false },
  { path: "testing/README.md", scaffold: true },
];

/** The environment of a user's shell: this runner's own variables left out, no colours, no network for npm. */
function userEnv(shims: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_OPTIONS|FORCE_COLOR|npm_)/.test(k)));
  return {
    ...env,
    PATH: `${shims}:${dirname(process.execPath)}:${process.env.PATH ?? ""}`,
    NO_COLOR: "1",
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_offline: "true",
    // The busybox the simulator fetched for this checkout's tests.
    INITSH_SIM_CACHE: simCacheRoot(),
  };
}

/** A folder where initsh, vitest and examples/ are this checkout's, and `npx initsh`/`initsh` run it. */
function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), "initsh-readme-"));
  const modules = join(dir, "node_modules");
  mkdirSync(join(modules, ".bin"), { recursive: true });
  symlinkSync(root, join(modules, "initsh"));
  for (const name of ["vitest", "typescript"]) symlinkSync(realpathSync(join(root, "node_modules", name)), join(modules, name));
  symlinkSync("../initsh/bin/initsh.js", join(modules, ".bin", "initsh"));
  symlinkSync("../vitest/vitest.mjs", join(modules, ".bin", "vitest"));
  symlinkSync("../typescript/bin/tsc", join(modules, ".bin", "tsc"));
  symlinkSync(join(root, "examples"), join(dir, "examples"));
  const shims = join(dir, ".shims");
  mkdirSync(shims);
  const shim = (name: string, body: string) => {
    writeFileSync(join(shims, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(shims, name), 0o755);
  };
  shim("initsh", `exec "${process.execPath}" "${initsh}" "$@"`);
  shim("npx", `[ "$1" = initsh ] || { echo "npx $1: this test runs only npx initsh" >&2; exit 127; }\nshift\nexec "${process.execPath}" "${initsh}" "$@"`);
  return { dir, env: userEnv(shims) };
}

/**
 * `initsh pack` without a kernel named packs for the running kernel, from /lib/modules/$(uname -r).
 * Where this machine has none (a container), it packs for the QEMU suites' kernel instead
 * (tests/qemu/kernel.ts, fetched once): the command is otherwise as written.
 */
function forThisMachine(command: string): string {
  if (!/^(npx )?initsh pack\b/.test(command) || command.includes("--kernel-version") || existsSync(join("/lib/modules", release()))) return command;
  const kernel = prepareHost().kernel;
  return `${command} --kernel-version ${kernel.version} --modules-dir ${join(kernel.modulesRoot, "lib", "modules", kernel.version)}`;
}

/** The block as a script: each command as written, but those NOT_RUN replaced by `true`. */
function script(block: CodeBlock): string {
  const ownSuite = /^npm ci\b/m.test(block.code);
  return block.code
    .split("\n")
    .map((line) => {
      const comment = /\s+#\s.*$/.exec(line)?.[0] ?? "";
      const code = line.slice(0, line.length - comment.length);
      if (code.trim() === "") return line;
      const commands = code.split("&&").map((c) => c.trim());
      const kept = commands.map((c) => (NOT_RUN.some(([pattern]) => pattern.test(c)) || (ownSuite && OWN_SUITE.test(c)) ? "true" : forThisMachine(c)));
      return kept.join(" && ") + comment;
    })
    .join("\n");
}

/** The names a listing of types declares. */
const declaredTypes = (code: string) => [...code.matchAll(/^(?:export\s+)?(?:interface|type)\s+(\w+)/gm)].map((m) => m[1]!);

/** Type-checks the listing against initsh/testing's types of the same names, as seen from `dir`. */
function checkTypes(block: CodeBlock, dir: string): string[] {
  const file = join(dir, `readme-${block.line}.types.ts`);
  const same = declaredTypes(block.code).map((name) => `export const same${name}: Same<${name}, Real.${name}> = true;`);
  writeFileSync(file, `import type * as Real from "initsh/testing";\n${block.code}\ntype Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;\n${same.join("\n")}\n`);
  const t = typescript;
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: t.ScriptTarget.ES2022, module: t.ModuleKind.Preserve, moduleResolution: t.ModuleResolutionKind.Bundler, lib: ["lib.es2022.d.ts"], types: [], skipLibCheck: true };
  const program = t.createProgram({ rootNames: [file], options });
  return t.getPreEmitDiagnostics(program).map((d) => t.flattenDiagnosticMessageText(d.messageText, "\n"));
}

for (const readme of READMES) {
  describe(readme.path, () => {
    const blocks = codeBlocks(readFileSync(join(root, readme.path), "utf8"));
    let dir: string;
    let env: NodeJS.ProcessEnv;
    const run = (command: string, args: string[], cwd = dir) => spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 180_000 });

    beforeAll(() => {
      ({ dir, env } = workspace());
      if (readme.scaffold) expect(run(process.execPath, [initsh, "init"]).status).toBe(0);
      for (const block of blocks) if (block.file !== undefined) writeFileSync(join(dir, block.file), block.code);
    }, 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const tests = blocks.filter((b) => kindOf(b) === "test");
    for (const block of blocks) {
      const kind = kindOf(block);
      if (kind === "test") continue;
      it(`line ${block.line}: ${block.file ?? kind}`, () => {
        if (kind === "shell") {
          const r = run("sh", ["-e", "-c", script(block)]);
          expect(r.status, `the block at line ${block.line} failed:\n${r.stdout}${r.stderr}`).toBe(0);
        } else if (kind === "types") {
          expect(checkTypes(block, dir)).toEqual([]);
        } else if (kind === "program" || (kind === "file" && block.file!.endsWith(".ts"))) {
          const file = join(dir, block.file ?? `readme-${block.line}.ts`);
          writeFileSync(file, block.code);
          const result = compileVariants(file);
          expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true);
        } else {
          expect(() => JSON.parse(block.code)).not.toThrow();
        }
      });
    }

    if (tests.length > 0) {
      it(`its tests pass (lines ${tests.map((t) => t.line).join(", ")})`, () => {
        for (const t of tests) writeFileSync(join(dir, `readme-${t.line}.test.ts`), t.code);
        const expected = tests.reduce((n, t) => n + (t.code.match(/^it\(/gm) ?? []).length, 0);
        const r = run(process.execPath, [join(dir, "node_modules", "vitest", "vitest.mjs"), "run", "readme-"]);
        expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`Tests\\s+${expected} passed \\(${expected}\\)`));
      });
    }
  });
}
