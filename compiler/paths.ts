import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The initsh package root, found from this module whether it runs from source or bundled. */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "initsh") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("initsh: cannot find the package root");
    dir = parent;
  }
})();

export const libFile = join(packageRoot, "dsl", "lib.d.ts");
/** What `import … from "initsh"` resolves to: the boot library, which re-exports dsl/. */
export const dslEntry = join(packageRoot, "stdlib", "index.ts");
