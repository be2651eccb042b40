/** Scenarios kept as JSON files: the one format `initsh simulate --scenario` and tests share. */
import { readFileSync } from "node:fs";
import { buildModel } from "./scenario.ts";
import type { Scenario } from "./types.ts";

/**
 * Reads a scenario from a JSON file (a path, relative to the current directory) and checks it,
 * so that a test and `initsh simulate --scenario FILE` boot the same machine:
 *
 * ```ts
 * const machine = readScenario("scenario.json");
 * const run = await simulate({ source: "init.ts" }, { ...machine, cmdline: "root=/dev/vda quiet" });
 * ```
 *
 * @throws Error naming the file when it cannot be read or is not JSON, and the field when the
 *   scenario is invalid.
 */
export function readScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`initsh: cannot read the scenario ${path}: ${(error as Error).message}`);
  }
  let scenario: Scenario;
  try {
    scenario = JSON.parse(text) as Scenario;
  } catch (error) {
    throw new Error(`initsh: ${path} is not valid JSON: ${(error as Error).message}`);
  }
  buildModel(scenario);
  return scenario;
}
