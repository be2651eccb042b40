/**
 * `initsh init [dir]`: a project of one's own — an init to start from, the editor set up with
 * initsh's lib, a scenario and a test on the simulated machine, and the npm scripts that run
 * them. The files are scaffold/ in the package; package.json is created or completed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { packageRoot } from "../paths.ts";
import { cannotWrite, makeDirectory, reasonOf, writeAtomically } from "./files.ts";

/** The scripts a project gets (an existing script of the same name is kept, except npm init's placeholder test). */
const SCRIPTS: Record<string, string> = {
  check: "initsh check init.ts",
  build: "initsh build init.ts -o build/init.sh --manifest build/init.json",
  watch: "initsh build init.ts -o build/init.sh --manifest build/init.json --watch",
  simulate: "initsh simulate init.ts --scenario scenario.json",
  test: "vitest run",
  typecheck: "tsc --noEmit && tsc --noEmit -p test",
};

/** `npm init`'s test script, which a scaffold replaces. */
const PLACEHOLDER_TEST = /^echo "Error: no test specified" && exit 1$/;

/** Files named otherwise in the package (npm leaves out any `.gitignore` it packs). */
const RENAMED: Record<string, string> = { gitignore: ".gitignore" };

/**
 * Writes the scaffold into `dir` (created if missing) and adds its scripts and development
 * dependencies to the package.json there (creating one if there is none). Writes nothing when
 * one of the scaffold's files is there already, and says which. Prints what it did and what to
 * run next; returns false after a one-line message when it could not.
 */
export function scaffold(dir: string): boolean {
  const templates = join(packageRoot, "scaffold");
  const files = listFiles(templates).map((from) => ({ from: join(templates, from), to: RENAMED[from] ?? from }));
  const present = files.filter((f) => existsSync(join(dir, f.to)) && f.to !== ".gitignore").map((f) => f.to);
  if (present.length > 0) {
    process.stderr.write(`initsh init: ${dir} has ${present.join(", ")} already; nothing was written (move them away, or scaffold into another folder)\n`);
    return false;
  }
  const manifestPath = join(dir, "package.json");
  const manifest = readManifest(manifestPath);
  if (typeof manifest === "string") {
    process.stderr.write(`initsh init: ${manifest}\n`);
    return false;
  }
  const changes = completeManifest(manifest, basename(resolve(dir)));
  const written: string[] = [];
  let target = dir;
  try {
    makeDirectory(dir);
    for (const { from, to } of files) {
      target = join(dir, to);
      if (existsSync(target)) continue; // a .gitignore of the project's own
      makeDirectory(join(target, ".."));
      writeAtomically(target, readFileSync(from, "utf8"));
      written.push(to);
    }
    target = manifestPath;
    writeAtomically(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
  } catch (error) {
    return cannotWrite(target, error);
  }
  const where = relative(process.cwd(), resolve(dir)) || ".";
  process.stdout.write(
    [
      `initsh init: wrote ${written.join(", ")} in ${where}; package.json: ${changes.join("; ") || "unchanged"}.`,
      "",
      "Next:",
      ...(where === "." ? [] : [`  cd ${/^[\w./-]+$/.test(where) ? where : `'${where.replaceAll("'", `'\\''`)}'`}`]),
      "  npm install       # initsh, TypeScript and vitest",
      "  npm run check     # type-check init.ts and run initsh's checks",
      "  npm run build     # build/init.sh, and build/init.json: what it needs at boot",
      "  npm test          # boot it on the simulated machine (test/init.test.ts)",
      "",
    ].join("\n"),
  );
  return true;
}

/** Every file below `dir`, as relative paths, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

type Manifest = Record<string, unknown> & { scripts?: Record<string, string>; devDependencies?: Record<string, string>; dependencies?: Record<string, string> };

/** The project's package.json, `{}` when there is none, or why it cannot be used. */
function readManifest(path: string): Manifest | string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    return `cannot read ${path}: ${reasonOf(error)}`;
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Manifest;
  } catch {
    // reported below
  }
  return `${path} is not a JSON object; nothing was written`;
}

/** Adds the scaffold's scripts and development dependencies; returns what changed, in words. */
function completeManifest(manifest: Manifest, folder: string): string[] {
  const own = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string; devDependencies: Record<string, string> };
  if (manifest.name === undefined) {
    Object.assign(manifest, { name: folder.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+/, "") || "init", version: "0.1.0", private: true });
  }
  const scripts = (manifest.scripts ??= {});
  const added: string[] = [];
  const kept: string[] = [];
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (scripts[name] === undefined || (name === "test" && PLACEHOLDER_TEST.test(scripts[name]))) {
      scripts[name] = command;
      added.push(name);
    } else if (scripts[name] !== command) kept.push(name);
  }
  const wanted: Record<string, string> = { initsh: `^${own.version}`, typescript: own.devDependencies.typescript!, vitest: own.devDependencies.vitest! };
  const devDependencies = (manifest.devDependencies ??= {});
  const dependencies: string[] = [];
  for (const [name, range] of Object.entries(wanted)) {
    if (devDependencies[name] === undefined && manifest.dependencies?.[name] === undefined) {
      devDependencies[name] = range;
      dependencies.push(name);
    }
  }
  return [
    ...(added.length > 0 ? [`scripts ${added.join(", ")} added`] : []),
    ...(kept.length > 0 ? [`your own ${kept.join(", ")} kept`] : []),
    ...(dependencies.length > 0 ? [`devDependencies ${dependencies.join(", ")} added`] : []),
  ];
}
