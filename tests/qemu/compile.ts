/** Compiling an init for the guest with the project's compiler (from source, not dist/). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFile, formatDiagnostics } from "../../compiler/index.ts";

/** The compiled script of the init at `path`; throws with the diagnostics if it does not compile. */
export function compileInit(path: string): string {
  const result = compileFile(path);
  if (!result.ok) throw new Error(`${path} does not compile:\n${formatDiagnostics(result.diagnostics, process.cwd())}`);
  return result.script;
}

/** The compiled script of an init given as source text, compiled as `init.ts` (messages say `init.ts:N`). */
export function compileInitSource(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "initsh-qemu-src-"));
  try {
    writeFileSync(join(dir, "init.ts"), source);
    return compileInit(join(dir, "init.ts"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
