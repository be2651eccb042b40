import { Project, ts } from "ts-morph";
import { dslEntry, libFile } from "../paths.ts";
import { userCompilerOptions } from "./options.ts";

/** A ts-morph project holding the user's entry file, checked against initsh's own lib only. */
export function createProject(entry: string): { project: Project; source: ts.SourceFile } {
  const project = new Project({
    compilerOptions: { ...userCompilerOptions, paths: { initsh: [dslEntry] } },
    skipAddingFilesFromTsConfig: true,
    skipLoadingLibFiles: true,
  });
  project.addSourceFileAtPath(libFile);
  const source = project.addSourceFileAtPath(entry);
  project.resolveSourceFileDependencies();
  return { project, source: source.compilerNode };
}
