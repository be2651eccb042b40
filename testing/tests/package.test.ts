/**
 * The simulator as users get it: `import { simulate } from "initsh/testing"` in plain Node
 * resolves through package.json's exports to the bundle dist/testing.mjs (built by
 * `npm ci` / `npm run build`), which must find its sh sources and the compiler from where it
 * is installed. Run in a child Node process: vitest's own module loader would hide mistakes
 * (it defines __dirname for every module).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("initsh/testing, the built package export", () => {
  it("exists (npm ci or npm run build makes it)", () => {
    expect(existsSync(`${root}dist/testing.mjs`), "dist/testing.mjs is missing: run npm run build").toBe(true);
  });

  it("compiles and boots an example from a .ts source, in plain Node, from another folder", () => {
    // Users run their tests from their own project, where nothing is at ./testing/sh.
    const program = `
      const { simulate } = await import(${JSON.stringify(pathToFileURL(`${root}dist/testing.mjs`).href)});
      const run = await simulate({ source: ${JSON.stringify(`${root}examples/basic-init.ts`)} }, {
        cmdline: "root=/dev/vda",
        devices: [{ name: "vda", type: "ext4" }],
        // An ELF binary as far as switch_root looks (an empty file would not execute).
        files: { "/newroot/sbin/init": { content: "\u007fELF", mode: 0o755 } },
      });
      process.stdout.write(JSON.stringify(run.outcome));
    `;
    const expected = { kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true };
    const asModule = execFileSync(process.execPath, ["--input-type=module", "-e", program], { cwd: tmpdir(), encoding: "utf8" });
    expect(JSON.parse(asModule)).toEqual(expected);
    // From CommonJS (where `node -e` also defines a global __dirname of ".").
    const fromCommonJs = execFileSync(process.execPath, ["-e", `(async () => { ${program} })()`], { cwd: tmpdir(), encoding: "utf8" });
    expect(JSON.parse(fromCommonJs)).toEqual(expected);
  });
});
