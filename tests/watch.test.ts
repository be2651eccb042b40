/**
 * `initsh build --watch` and the compile session it keeps: a build in a session (which reuses
 * the lib and the boot library as parsed by earlier builds, and the last program) gives
 * exactly what a fresh build gives, whatever was built before it; and the watcher rebuilds on
 * every save, keeps the last good script when a save has errors, and stops on Ctrl-C.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compileFile, createSession, formatDiagnostics, type CompileResult } from "../compiler/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "initsh-watch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seen = (r: CompileResult) => (r.ok ? r.script : formatDiagnostics(r.diagnostics));
const programsIn = (folder: string, every = 1) =>
  readdirSync(join(root, folder))
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .filter((_f, i) => i % every === 0)
    .map((f) => join(root, folder, f));

describe("a compile session", () => {
  it("changes no output: programs using the boot library, diagnostics and plain programs, one after another", () => {
    const usesLibrary = (p: string) => readFileSync(p, "utf8").includes('from "initsh"');
    const programs = [
      ...programsIn("examples"),
      join(root, "bench", "fixtures", "init200.ts"),
      ...programsIn("tests/diagnostics/cases").filter(usesLibrary),
      ...programsIn("tests/differential/cases").filter(usesLibrary),
      ...programsIn("tests/diagnostics/cases", 10),
      ...programsIn("tests/differential/cases", 20),
    ];
    expect(programs.length).toBeGreaterThan(40);
    const session = createSession();
    for (const program of programs) {
      expect(seen(compileFile(program, { session })), program).toBe(seen(compileFile(program)));
    }
  });

  it("follows the entry as it changes", () => {
    const session = createSession();
    const file = join(dir, "edited.ts");
    const base = readFileSync(join(root, "examples", "basic-init.ts"), "utf8");
    const edits = [base, base.replace("initsh: basic init", "edited"), base.replace("const root =", "const root: number ="), base];
    for (const text of edits) {
      writeFileSync(file, text);
      expect(seen(compileFile(file, { session }))).toBe(seen(compileFile(file)));
    }
  });
});

describe("initsh build --watch", () => {
  it("builds, rebuilds on each save, keeps the last good script on errors, and stops on SIGINT", async () => {
    const source = join(dir, "init.ts");
    const out = join(dir, "out", "init.sh");
    const text = readFileSync(join(root, "examples", "basic-init.ts"), "utf8");
    writeFileSync(source, text);
    const child = spawn(process.execPath, [join(root, "bin", "initsh.js"), "build", source, "-o", out, "--watch"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const until = async (what: string, test: () => boolean) => {
      for (const start = Date.now(); !test(); await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() - start > 60_000) throw new Error(`timed out waiting for ${what}; stderr:\n${stderr}`);
      }
    };
    const script = () => {
      try {
        return readFileSync(out, "utf8");
      } catch {
        return "";
      }
    };
    const builds = () => (stderr.match(/ → .*init\.sh \(\d+ ms\)/g) ?? []).length;
    try {
      await until("the first build", () => builds() === 1);
      expect(script()).toContain("initsh: basic init");
      // A save in place.
      writeFileSync(source, text.replace("initsh: basic init", "first edit"));
      await until("the rebuild", () => script().includes("first edit"));
      // A save with a type error: diagnostics, and the script stays.
      writeFileSync(source, text.replace("const root =", "const root: number ="));
      await until("the failed build", () => /has errors: .*init\.sh was not changed/.test(stderr));
      expect(stderr).toContain("error TS2322");
      expect(script()).toContain("first edit");
      // A save by renaming a new file over the old one.
      writeFileSync(`${source}.new`, text.replace("initsh: basic init", "second edit"));
      renameSync(`${source}.new`, source);
      await until("the rebuild after a rename", () => script().includes("second edit"));
      await until("its status line", () => builds() === 3);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  });
});
