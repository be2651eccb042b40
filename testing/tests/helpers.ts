/** Shared bits of the simulator's own tests. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { pickBlockNode } from "../host.ts";

/** Path of a fixture init in testing/tests/fixtures. */
export function fixture(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname;
}

const scratch = mkdtempSync(join(tmpdir(), "initsh-sim-test-"));
let counter = 0;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a small inline init script to a scratch file and returns its path. */
export function inlineInit(body: string): string {
  const path = join(scratch, `init-${counter++}.sh`);
  writeFileSync(path, `#!/bin/sh\nexec </dev/console >/dev/console 2>&1\n${body}\n`);
  return path;
}

/** The argv of every traced command, for compact assertions. */
export function argvs(result: { trace: { argv: string[] }[] }): string[][] {
  return result.trace.map((t) => t.argv);
}

/**
 * Whether simulated devices are real block nodes here (the host has an unattached loop
 * device). Without one they are plain files and `[ -b … ]` is false, so tests of inits that
 * wait for a block device are skipped.
 */
export const hasBlockNode = pickBlockNode() !== undefined;

/**
 * The files of a new root that switch_root and chroot accept: an executable /sbin/init script
 * and the /bin/sh it names (an ELF stub: only its first bytes are looked at).
 */
export function newRootFiles(root = "/newroot"): Record<string, { content: string; mode: number }> {
  return {
    [`${root}/sbin/init`]: { content: "#!/bin/sh\nexec /bin/sh\n", mode: 0o755 },
    [`${root}/bin/sh`]: { content: "\u007fELF stub\n", mode: 0o755 },
  };
}

/** What busybox-static itself prints for `APPLET --help` (its usage text, on stderr). */
export async function busyboxUsage(applet: string): Promise<string> {
  const { ensureStaticBusybox } = await import("../busybox.ts");
  const { spawnSync } = await import("node:child_process");
  const run = spawnSync((await ensureStaticBusybox()).binary, [applet, "--help"], { encoding: "utf8" });
  return run.stderr;
}
