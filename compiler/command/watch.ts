/**
 * `initsh build --watch`: build, then build again whenever the entry file is saved, in the
 * same process, so that a save costs a compilation and nothing else — no Node start, no
 * loading of TypeScript, and what the last build parsed of the lib and the boot library is
 * reused (compiler/index.ts, createSession). bench/watch.mjs measures save to new script.
 */
import { readFileSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { reasonOf } from "./files.ts";

/**
 * How long the entry must stay unchanged after a change before it is built: a save is often
 * several writes (truncate, write; or write a temporary file, rename), and building in between
 * would read half a file.
 */
const SETTLE_MS = 5;

/** What to build on each save; returns whether the build succeeded (it prints its own diagnostics). */
export type Rebuild = () => boolean;

/**
 * Builds `entry` with `rebuild` now and after every change to it, until the process is
 * interrupted (SIGINT or SIGTERM), printing one status line on stderr per build. A save that
 * leaves the text as it was builds nothing. The folder is watched rather than the file, so
 * editors that save by renaming a new file over the old one are followed too.
 * `afterFirstBuild` runs once, after the first build (the CLI saves its code cache then).
 */
export function watchBuild(entry: string, output: string, rebuild: Rebuild, afterFirstBuild: () => void = () => {}): Promise<void> {
  const file = resolve(entry);
  let last: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let first = true;

  const build = (): void => {
    timer = undefined;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      status(`cannot read ${entry}: ${reasonOf(error)}; waiting for it`);
      last = undefined;
      return;
    }
    if (text === last) return;
    last = text;
    const started = performance.now();
    const ok = rebuild();
    const ms = Math.round(performance.now() - started);
    status(ok ? `${entry} → ${output} (${ms} ms)` : `${entry} has errors: ${output} was not changed (${ms} ms)`);
    if (first) afterFirstBuild();
    first = false;
  };

  return new Promise((done) => {
    let watcher: FSWatcher;
    try {
      watcher = watch(dirname(file), (_event, name) => {
        if (name !== null && name !== basename(file)) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(build, SETTLE_MS);
      });
    } catch (error) {
      status(`cannot watch ${dirname(entry) || "."}: ${reasonOf(error)}`);
      process.exitCode = 1;
      done();
      return;
    }
    const stop = (): void => {
      watcher.close();
      if (timer) clearTimeout(timer);
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    status(`watching ${entry} (Ctrl-C stops)`);
    build();
  });
}

/** One line on stderr, with the time of day. */
function status(message: string): void {
  const time = new Date().toTimeString().slice(0, 8);
  process.stderr.write(`[${time}] initsh: ${message}\n`);
}
