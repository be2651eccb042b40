/** Compiling an init for the guest with the project's compiler (from source, not dist/). */
import { compileFile, formatDiagnostics } from "../../compiler/index.ts";

/** The compiled script of the init at `path`; throws with the diagnostics if it does not compile. */
export function compileInit(path: string): string {
  const result = compileFile(path);
  if (!result.ok) throw new Error(`${path} does not compile:\n${formatDiagnostics(result.diagnostics, process.cwd())}`);
  return result.script;
}
