/** Renders a run for people: the trace (one shell-quoted command a line), the console and the outcome. */
import { consoleText } from "./consoleText.ts";
import { displayArgv } from "./quote.ts";
import type { Outcome, SimResult } from "./types.ts";

/** One line describing how the run ended. */
export function formatOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case "switch_root":
    case "exec":
      return `${outcome.kind}: ${displayArgv(outcome.argv)}${outcome.pid1 ? "" : " (not run as PID 1)"}`;
    case "rescue":
      return `rescue shell (started ${outcome.starts} time${outcome.starts === 1 ? "" : "s"}): ${displayArgv(outcome.argv)}`;
    case "reboot":
    case "poweroff":
    case "halt":
      return `${outcome.kind}: ${displayArgv(outcome.argv)}`;
    case "panic":
      return `panic: the init exited with status ${outcome.status} (Kernel panic - not syncing: Attempted to kill init!)`;
    case "timeout":
      return "timeout: the run did not end within its time limit";
  }
}

/**
 * Renders a whole run as text: a `trace` section (virtual time in seconds, then the
 * command, shell-quoted), a `console` section (as a terminal shows it: no escape codes, see
 * consoleText.ts), the mount table and the outcome.
 */
export function formatRun(result: SimResult): string {
  const trace = result.trace.map((t) => `[${t.time.toFixed(3).padStart(9)}] ${displayArgv(t.argv)}`);
  const mounts = result.mounts.map((m) => `${displayArgv([m.source])} on ${displayArgv([m.target])} type ${m.type}${m.options ? ` (${m.options})` : ""}`);
  const shown = consoleText(result.console);
  return [
    "== trace",
    ...trace,
    "== console",
    shown.replace(/\n$/, ""),
    "== mounts",
    ...mounts,
    "== outcome",
    formatOutcome(result.outcome),
    "",
  ].join("\n");
}
