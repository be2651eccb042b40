/**
 * `initsh init [dir]`: what it writes, how it completes an existing package.json, and that it
 * never overwrites a file. (tests/project.test.ts builds and tests the result from the packed
 * package.)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "initsh-scaffold-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function init(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(root, "bin", "initsh.js"), "init", ...args], { cwd, encoding: "utf8" });
}

const manifest = (project: string) => JSON.parse(readFileSync(join(project, "package.json"), "utf8"));

describe("initsh init", () => {
  it("creates the folder, the scaffold and a package.json with the scripts and development dependencies", () => {
    const r = init(dir, "My Init");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const project = join(dir, "My Init");
    expect(readdirSync(project, { recursive: true }).map(String).sort()).toEqual([".gitignore", "init.ts", "package.json", "scenario.json", "test", "test/init.test.ts", "test/tsconfig.json", "tsconfig.json"]);
    const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(manifest(project)).toMatchObject({
      name: "my-init",
      private: true,
      scripts: { check: "initsh check init.ts", build: "initsh build init.ts -o build/init.sh --manifest build/init.json", test: "vitest run" },
      devDependencies: { initsh: `^${own.version}`, typescript: own.devDependencies.typescript, vitest: own.devDependencies.vitest },
    });
    expect(readFileSync(join(project, "tsconfig.json"), "utf8")).toContain('"extends": "initsh/tsconfig.json"');
    expect(r.stdout).toContain("\n  cd 'My Init'\n"); // the next steps name the folder, quoted for the shell
  });

  it("completes an existing package.json: npm init's placeholder test is replaced, a script of its own kept", () => {
    const project = join(dir, "existing");
    mkdirSync(project);
    const placeholder = 'echo "Error: no test specified" && exit 1';
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "mine", type: "commonjs", scripts: { test: placeholder, build: "make" }, dependencies: { initsh: "file:../initsh.tgz" } }));
    writeFileSync(join(project, ".gitignore"), "dist/\n");
    const r = init(project);
    expect(r.status).toBe(0);
    expect(manifest(project)).toEqual({
      name: "mine",
      type: "commonjs",
      scripts: { test: "vitest run", build: "make", check: "initsh check init.ts", watch: expect.stringContaining("--watch"), simulate: expect.any(String), typecheck: expect.any(String) },
      dependencies: { initsh: "file:../initsh.tgz" },
      devDependencies: { typescript: expect.any(String), vitest: expect.any(String) },
    });
    expect(r.stdout).toContain("your own build kept");
    expect(readFileSync(join(project, ".gitignore"), "utf8")).toBe("dist/\n");
  });

  it("writes nothing where a file of the scaffold exists, naming it", () => {
    const project = join(dir, "taken");
    mkdirSync(project);
    writeFileSync(join(project, "init.ts"), "// mine\n");
    const r = init(project);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("initsh init: . has init.ts already; nothing was written (move them away, or scaffold into another folder)\n");
    expect(readdirSync(project)).toEqual(["init.ts"]);
  });

  it("refuses a package.json that is not JSON", () => {
    const project = join(dir, "broken");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), "{ name: ");
    const r = init(project);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("initsh init: package.json is not a JSON object; nothing was written\n");
  });
});
