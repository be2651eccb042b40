/**
 * Every misuse of the CLI is one line on stderr naming the problem, and exit status 2 (usage)
 * or 1 (a failed build); never a stack trace. Run as users run it: bin/initsh.js in a child
 * process, over the built dist/.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "initsh.js");
const example = join(root, "examples", "basic-init.ts");
const dir = mkdtempSync(join(tmpdir(), "initsh-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function initsh(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("CLI misuse", () => {
  writeFileSync(join(dir, "notes.md"), "# not TypeScript\n");
  const cases: [string, string[], number, RegExp][] = [
    ["an unknown option, named", ["build", "--frob", example], 2, /^initsh build: unknown option '--frob' — see initsh --help$/],
    ["an option without its value", ["build", example, "-o"], 2, /^initsh build: -o needs a value/],
    ["no entry file", ["build"], 2, /^initsh build: no entry file/],
    ["two entry files", ["params", "a.ts", "b.ts"], 2, /^initsh params: one entry file, not 'a.ts' and 'b.ts'/],
    ["a file that is not TypeScript", ["build", "notes.md"], 2, /^initsh build: notes\.md is not a TypeScript source \(\.ts\)/],
    ["a missing file", ["build", "nope.ts"], 2, /^initsh build: cannot read nope\.ts: no such file or folder/],
    ["a folder", ["check", "."], 2, /^initsh check: \. is not a file/],
    ["an unknown command", ["frob"], 2, /^initsh frob: unknown command/],
    ["--watch without an output file", ["build", example, "--watch"], 2, /^initsh build: --watch needs -o <file>/],
    ["a bad --format", ["params", example, "--format", "yaml"], 2, /^initsh params: --format is text, markdown or json, not 'yaml'/],
    ["an output folder that cannot be made (where Node's recursive mkdir never returns)", ["build", example, "-o", "/proc/initsh-x/x.sh"], 1, /^initsh: cannot write \/proc\/initsh-x\/x\.sh: cannot create the folder \/proc\/initsh-x: no such file or folder$/],
    ["a manifest under a file, named", ["build", example, "-o", "x.sh", "--manifest", "notes.md/m.json"], 1, /^initsh: cannot write notes\.md\/m\.json: cannot create the folder .*notes\.md: it exists and is not a folder$/],
    ["an examples folder that cannot be made", ["examples", "-d", "/proc/initsh-x"], 1, /^initsh: cannot write \/proc\/initsh-x: cannot create the folder \/proc\/initsh-x: no such file or folder$/],
    ["simulate: an unknown option", ["simulate", example, "--frob"], 2, /^initsh simulate: unknown option '--frob'/],
    ["simulate: a file that is neither TypeScript nor a script", ["simulate", "notes.md"], 2, /^initsh simulate: notes\.md is neither a TypeScript source \(\.ts\) nor a compiled init/],
    ["simulate: a missing scenario", ["simulate", example, "--scenario", "nope.json"], 2, /^initsh simulate: --scenario: cannot read nope\.json: no such file or folder/],
    ["simulate: a bad --shell", ["simulate", example, "--shell", "zsh"], 2, /^initsh simulate: --shell is dash or busybox, not 'zsh'/],
  ];
  it.each(cases)("%s: one line, exit status as given", (_what, args, status, message) => {
    const r = initsh(...args);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.status).toBe(status);
  });

  it("creates the folder of -o and --manifest, as tsc does its outDir", () => {
    const r = initsh("build", example, "-o", "new/dir/init.sh", "--manifest", "new/other/init.json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "new", "dir", "init.sh"), "utf8")).toMatch(/^#!\/bin\/sh\n/);
    expect(JSON.parse(readFileSync(join(dir, "new", "other", "init.json"), "utf8")).manifestVersion).toBe(1);
  });

  it("prints the usage and exits 2 when given no command", () => {
    const r = initsh();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Usage:");
    expect(r.stdout).toBe("");
    expect(initsh("--help").status).toBe(0);
  });
});
