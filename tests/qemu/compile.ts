/** Compiling an init for the guest with the project's compiler (from source, not dist/). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFile, formatDiagnostics, type Manifest } from "../../compiler/index.ts";

/** A compiled init: what `initsh pack` takes. */
export interface CompiledInit {
  script: string;
  manifest: Manifest;
}

/** The init at `path` (one variant of it), compiled; throws with the diagnostics if it does not compile. */
export function compileInit(path: string, variant?: string): CompiledInit {
  const result = compileFile(path, variant === undefined ? {} : { variant });
  if (!result.ok) throw new Error(`${path} does not compile:\n${formatDiagnostics(result.diagnostics, process.cwd())}`);
  return { script: result.script, manifest: result.manifest };
}

/** An init given as source text, compiled as `init.ts` (messages say `init.ts:N`). */
export function compileInitSource(source: string): CompiledInit {
  const dir = mkdtempSync(join(tmpdir(), "initsh-qemu-src-"));
  try {
    writeFileSync(join(dir, "init.ts"), source);
    return compileInit(join(dir, "init.ts"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
