/**
 * The simulator's own sh passes `shellcheck -s sh`: the shim library exactly as the kit holds
 * it (header and testing/sh/shim/*.sh concatenated), and the host-side scripts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shimLibrary } from "../kit.ts";
import { hostScriptsDir } from "../paths.ts";

const hasShellcheck = spawnSync("shellcheck", ["--version"]).status === 0;

function shellcheck(file: string): string {
  const run = spawnSync("shellcheck", ["-s", "sh", "-f", "gcc", file], { encoding: "utf8" });
  return run.stdout.trim();
}

describe.skipIf(!hasShellcheck)("shellcheck -s sh", () => {
  it("finds nothing in the shim library", () => {
    const dir = mkdtempSync(join(tmpdir(), "initsh-sim-shellcheck-"));
    try {
      const file = join(dir, "lib.sh");
      writeFileSync(file, shimLibrary("ld-linux-x86-64.so.2", true));
      expect(shellcheck(file)).toBe("");
      // The check really runs: a `local`, which POSIX sh lacks, is found.
      writeFileSync(file, 'sim_x() { local sim_y; sim_y=1; echo "$sim_y"; }\nsim_x\n');
      expect(shellcheck(file)).toMatch(/SC3043/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds nothing in the host-side scripts", () => {
    for (const name of readdirSync(hostScriptsDir)) expect(shellcheck(join(hostScriptsDir, name)), name).toBe("");
  });
});

