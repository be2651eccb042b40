import { readFileSync } from "node:fs";
import { ts } from "ts-morph";
import { dslEntry, libFile } from "../paths.ts";
import { userCompilerOptions } from "./options.ts";

/**
 * The checked program. Shaped like the part of a ts-morph `Project` the compiler uses, so
 * callers read `project.getProgram().compilerObject` and `project.getTypeChecker().compilerObject`.
 */
export interface CompilerProject {
  getProgram(): { compilerObject: ts.Program };
  getTypeChecker(): { compilerObject: ts.TypeChecker };
}

/**
 * What one compilation leaves for the next of the same process (`initsh build --watch`): the
 * parsed files by name with the text they were parsed from — initsh's lib and the boot
 * library, which a save does not change — and the last program, whose structure TypeScript
 * reuses. A file is parsed again only when its text differs.
 */
export interface ProjectCache {
  readonly files: Map<string, { text: string; source: ts.SourceFile }>;
  program?: ts.Program;
}

/** An empty {@link ProjectCache}. */
export function createProjectCache(): ProjectCache {
  return { files: new Map() };
}

/**
 * A TypeScript program of the user's entry file (and what it imports), checked against
 * initsh's own lib only. Built with TypeScript's compiler API directly rather than a ts-morph
 * `Project`, which would also create a language service and a file-system layer the compiler
 * never uses — and loading ts-morph's wrapper alone costs a cold run tens of milliseconds.
 * With a `cache`, unchanged files are not parsed again (see {@link ProjectCache}).
 */
export function createProject(entry: string, entryText?: string, cache?: ProjectCache): { project: CompilerProject; source: ts.SourceFile } {
  const options: ts.CompilerOptions = { ...userCompilerOptions, paths: { initsh: [dslEntry] } };
  const host = ts.createCompilerHost(options, true);
  // Files are read as UTF-8 text exactly as ts-morph read them (a BOM stays in the text).
  host.readFile = (fileName) => {
    try {
      return readFileSync(fileName, "utf8");
    } catch {
      return undefined;
    }
  };
  host.getSourceFile = (fileName, languageVersionOrOptions, onError) => {
    let text: string;
    try {
      // The entry's text was read already (compileFile checks its nesting first).
      text = fileName === entry && entryText !== undefined ? entryText : readFileSync(fileName, "utf8");
    } catch (error) {
      onError?.(error instanceof Error ? error.message : String(error));
      return undefined;
    }
    const cached = cache?.files.get(fileName);
    if (cached !== undefined && cached.text === text) return cached.source;
    const source = ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
    cache?.files.set(fileName, { text, source });
    return source;
  };
  const program = ts.createProgram({ rootNames: [libFile, entry], options, host, ...(cache?.program ? { oldProgram: cache.program } : {}) });
  if (cache) cache.program = program;
  const source = program.getSourceFile(entry);
  if (source === undefined) throw new Error(`cannot read ${entry}`);
  let checker: ts.TypeChecker | undefined;
  const project: CompilerProject = {
    getProgram: () => ({ compilerObject: program }),
    getTypeChecker: () => ({ compilerObject: (checker ??= program.getTypeChecker()) }),
  };
  return { project, source };
}
