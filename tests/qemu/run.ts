/** Running a host command for the suite's setup, with its error output in any failure. */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";

/**
 * Runs `command` with `args` and returns its stdout as bytes; throws, quoting the command and
 * its stderr, when it cannot start or exits non-zero.
 */
export function runBytes(command: string, args: readonly string[], options: SpawnSyncOptions = {}): Buffer {
  const { encoding: _text, ...rest } = options;
  const result = spawnSync(command, args, { maxBuffer: 256 * 1024 * 1024, ...rest });
  if (result.error) throw new Error(`cannot run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const stderr = Buffer.from(result.stderr).toString("utf8").trim();
    const how = result.status === null ? `was killed by ${result.signal}` : `exited ${result.status}`;
    throw new Error(`${[command, ...args].join(" ")} ${how}${stderr === "" ? "" : `:\n${stderr}`}`);
  }
  return Buffer.from(result.stdout);
}

/** {@link runBytes}, with stdout as UTF-8 text. */
export function runChecked(command: string, args: readonly string[], options: SpawnSyncOptions = {}): string {
  return runBytes(command, args, options).toString("utf8");
}
