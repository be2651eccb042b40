import type { Command } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { mapCommands } from "../sh/walk.ts";

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
      if (!exiting.has(f.name) && !hasReturn(f.body) && endsInExit(f.body, exiting)) {
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

function endsInExit(list: readonly Command[], exiting: ReadonlySet<string>): boolean {
  const last = list[list.length - 1];
  if (!last) return false;
  switch (last.kind) {
    case "simple": {
      const name = last.words.length > 0 ? sh.literalText(last.words[0]!) : undefined;
      return !!last.noReturn || name === "exit" || (name !== undefined && exiting.has(name));
    }
    case "if":
      return !!last.otherwise && endsInExit(last.otherwise, exiting) && last.clauses.every((k) => endsInExit(k.body, exiting));
    case "case":
      return last.arms.some((a) => a.patterns.some((p) => p.parts.length === 1 && p.parts[0]!.kind === "glob")) && last.arms.every((a) => endsInExit(a.body, exiting));
    case "group":
      return endsInExit(last.body, exiting);
    default:
      return false;
  }
}

function hasReturn(list: readonly Command[]): boolean {
  let found = false;
  mapCommands(list, (c) => {
    if (c.kind === "simple" && c.words.length > 0 && sh.literalText(c.words[0]!) === "return") found = true;
    return [c];
  });
  return found;
}
