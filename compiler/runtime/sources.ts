import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.ts";

/**
 * The text of one file of runtime helpers, compiler/runtime/sh/NAME.sh, read from the
 * package. The bundles do not read it: compiler/build.mjs (runtimeHelpersInline) puts every
 * file's text into them in place of this module, so a shipped compiler needs no .sh beside it.
 */
export function helperSource(name: string): string {
  return readFileSync(join(packageRoot, "compiler", "runtime", "sh", `${name}.sh`), "utf8");
}
