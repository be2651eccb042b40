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
 * A TypeScript program of the user's entry file (and what it imports), checked against
 * initsh's own lib only. Built with TypeScript's compiler API directly rather than a ts-morph
 * `Project`, which would also create a language service and a file-system layer the compiler
 * never uses — and loading ts-morph's wrapper alone costs a cold run tens of milliseconds.
 */
export function createProject(entry: string, entryText?: string): { project: CompilerProject; source: ts.SourceFile } {
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
    return ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
  };
  const program = ts.createProgram({ rootNames: [libFile, entry], options, host });
  const source = program.getSourceFile(entry);
  if (source === undefined) throw new Error(`cannot read ${entry}`);
  let checker: ts.TypeChecker | undefined;
  const project: CompilerProject = {
    getProgram: () => ({ compilerObject: program }),
    getTypeChecker: () => ({ compilerObject: (checker ??= program.getTypeChecker()) }),
  };
  return { project, source };
}
