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
