import type { Command } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { mapCommands } from "../sh/walk.ts";
import { alwaysEnds, runsAnywhere } from "./shapes.ts";

/**
 * Functions that never return: every way through the body ends in `exit` or in a call to
 * another such function, and no `return` is in it (a TypeScript function typed `number`
 * may still always end in `die()`). A call to one ends its list as a call to a `never`
 * function does: the passes drop what follows it, which no shell would run (and which
 * shellcheck, following the calls too, reports as unreachable).
 */
export function markCallsThatNeverReturn(commands: readonly Command[]): { commands: Command[]; changed: boolean } {
  const exiting = new Set<string>();
  const definitions = commands.filter((c): c is sh.FunctionDef => c.kind === "function");
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of definitions) {
      if (!exiting.has(f.name) && !f.body.some((c) => runsAnywhere(c, "return")) && endsInExit(f.body, exiting)) {
        exiting.add(f.name);
        grew = true;
      }
    }
  }
  let changed = false;
  const marked = mapCommands(commands, (c) => {
    if (c.kind !== "simple" || c.noReturn || c.words.length === 0 || !exiting.has(sh.literalText(c.words[0]!) ?? "")) return [c];
    changed = true;
    return [{ ...c, noReturn: true }];
  });
  return { commands: marked, changed };
}

/** The list ends, every way through, in `exit` or a call to a function that never returns. */
function endsInExit(list: readonly Command[], exiting: ReadonlySet<string>): boolean {
  const last = list[list.length - 1];
  const exits = (s: sh.Simple) => {
    const name = s.words.length > 0 ? sh.literalText(s.words[0]!) : undefined;
    return !!s.noReturn || name === "exit" || (name !== undefined && exiting.has(name));
  };
  return last !== undefined && alwaysEnds(last, exits);
}
