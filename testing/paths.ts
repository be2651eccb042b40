import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the simulator's sh sources (testing/sh), found from this module whether it
 * runs from source (testing/) or bundled (dist/), by walking up to a folder that holds
 * testing/sh.
 */
export const shDir: string = (() => {
  // An ES module (the source, dist/testing.mjs) has import.meta.url; a CommonJS bundle (the
  // CLI, where the build defines it) may not, and then __dirname is this file's folder.
  // (Checking __dirname first is wrong: code bundled in with it can define its own.)
  const url: string | undefined = import.meta.url;
  const here = typeof url === "string" ? dirname(fileURLToPath(url)) : __dirname;
  const own = join(here, "sh");
  if (existsSync(join(own, "shim", "common.sh"))) return own;
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, "testing", "sh");
    if (existsSync(join(candidate, "shim", "common.sh"))) return candidate;
    if (dirname(dir) === dir) throw new Error("initsh/testing: cannot find its sh sources (testing/sh)");
  }
})();

/** The host-side scripts (outer.sh, inner.sh). */
export const hostScriptsDir = join(shDir, "host");

/** The core of the shim library (sh/lib.sh in the kit, loaded by every shim), in this order. */
export const shimCoreSources = ["common.sh", "devices.sh", "files.sh", "dispatch.sh"].map((name) => join(shDir, "shim", name));

/** The models of the commands that have one (sh/models.sh in the kit, loaded by their shims), in this order. */
export const shimModelSources = ["mounts.sh", "blkid.sh", "crypt.sh", "volumes.sh", "mdraid.sh", "commands.sh"].map((name) => join(shDir, "shim", name));
