/**
 * The CLI's file handling: every file it writes is written whole or not at all, and every
 * problem with a file named on the command line becomes one line naming the file and the
 * reason, never a stack trace.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** The reason in a Node file-system error, as a few words: "permission denied", "read-only file system". */
export function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "read-only file system";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EISDIR":
      return "it is a folder";
    case "ENOSPC":
      return "no space left on the device";
    case "EEXIST":
      return "it exists and is not a folder";
  }
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages read "CODE: reason, syscall 'path'": keep the reason.
  return /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message.split("\n")[0]!;
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
export function writeAtomically(path: string, text: string, mode = 0o644): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { mode });
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes a file whole or not at all, creating its folder first if need be (as tsc does its outDir). */
export function writeFile(path: string, text: string, mode = 0o644): void {
  makeDirectory(dirname(path));
  writeAtomically(path, text, mode);
}

/**
 * Creates a folder and its missing parents. Unlike `mkdirSync(dir, { recursive: true })`,
 * which Node 20 retries for ever where mkdir fails with ENOENT under an existing parent
 * (`/proc/x`), it throws the first error.
 */
export function makeDirectory(dir: string): void {
  const path = resolve(dir);
  try {
    mkdirSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" && statSync(path).isDirectory()) return;
    const parent = dirname(path);
    if (code !== "ENOENT" || parent === path || existsSync(parent)) throw error;
    makeDirectory(parent);
    mkdirSync(path);
  }
}

/** Reports a file or folder that cannot be written, in one line on stderr; returns false (a failed build). */
export function cannotWrite(path: string, error: unknown): false {
  const e = error as NodeJS.ErrnoException;
  const reason =
    e.syscall === "mkdir" && e.path !== undefined
      ? `cannot create the folder ${e.path}: ${reasonOf(error)}`
      : e.code === "ENOENT" && !existsSync(dirname(resolve(path)))
        ? `its folder ${dirname(path)} does not exist`
        : reasonOf(error);
  process.stderr.write(`initsh: cannot write ${path}: ${reason}\n`);
  return false;
}

/** File names the compiler takes as TypeScript sources. */
const TYPESCRIPT = /\.(ts|mts|cts)$/;

/**
 * Why `path` cannot be a program's entry, in a few words naming it, or undefined when it is a
 * readable TypeScript source (`.ts`, `.mts`, `.cts`, not a declaration file).
 */
export function sourceProblem(path: string): string | undefined {
  const problem = fileProblem(path);
  if (problem !== undefined) return problem;
  if (!TYPESCRIPT.test(path) || /\.d\.[mc]?ts$/.test(path)) return `${path} is not a TypeScript source (.ts)`;
  return undefined;
}

/** Why `path` is not a readable file, or undefined when it is one. */
export function fileProblem(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return `${path} is not a file`;
    closeSync(openSync(path, "r"));
    return undefined;
  } catch (error) {
    return `cannot read ${path}: ${reasonOf(error)}`;
  }
}
