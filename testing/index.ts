/**
 * initsh/testing — the simulated machine. Run a compiled init (or a TypeScript entry) as
 * PID 1 of a throwaway machine described by a scenario, and assert on what it did:
 *
 * ```ts
 * import { simulate } from "initsh/testing";
 * const run = await simulate("build/init.sh", { cmdline: "root=LABEL=root", devices: [{ name: "vda", label: "root", type: "ext4" }] });
 * expect(run.outcome).toMatchObject({ kind: "switch_root" });
 * ```
 *
 * See testing/README.md.
 */
export { simulate } from "./simulate.ts";
export { readScenario } from "./scenarioFile.ts";
export { formatRun } from "./format.ts";
export { GENERIC_COMMANDS, MODELLED_COMMANDS } from "./shimNames.ts";
export type {
  BlockDevice,
  CommandOverride,
  DmraidSet,
  FileSpec,
  Filesystem,
  InitInput,
  LogicalVolume,
  LuksVolume,
  MountEntry,
  Outcome,
  RaidArray,
  Scenario,
  SimResult,
  TraceEntry,
  VolumeGroup,
} from "./types.ts";
