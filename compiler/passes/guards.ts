import type { Command, If, Simple } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { type Effects, mayWrite } from "./effects.ts";
import { renameReads } from "../sh/reads.ts";
import { mapLists } from "../sh/walk.ts";
import { optionalCopy } from "./direct.ts";
import { alwaysEnds, isSetTest } from "./shapes.ts";

/**
 * A value that may be undefined, copied and then checked by a guard that stops the script:
 *
 *     if [ "${__r+set}" ]; then root=$__r; else unset root; fi
 *     if [ -z "${root+set}" ]; then          if [ -z "${__r+set}" ]; then
 *       printf '%s\n' 'no root=' >&2    →      printf '%s\n' 'no root=' >&2
 *       exit 1                                  exit 1
 *     fi                                      fi
 *                                             root=$__r
 *
 * (`const root = f(); if (root === undefined) fail(…)`.) The guard tests the value before the
 * copy, and the copy is a plain assignment: past the guard the value is set. Only when the
 * guard's body never lets the script go on (`exit`, or a call that never returns: after a
 * `return` or a `break` the variable could still be read, unset) and reads nothing of the
 * variable, functions it calls included.
 */
export function checkBeforeCopy(commands: readonly Command[], effects: Effects): Command[] {
  return mapLists(commands, (list) => {
    const out: Command[] = [];
    for (let i = 0; i < list.length; i++) {
      const copy = optionalCopy(list[i]!);
      const guard = list[i + 1];
      if (copy && guard && isUnsetGuard(guard, copy.to, effects)) {
        const test = renameReads(guard.clauses[0]!.test[0]!, copy.to, copy.from);
        out.push({ ...guard, clauses: [{ test: [test], body: guard.clauses[0]!.body }] }, sh.assign(copy.to, sh.word(sh.param(copy.from)), list[i]!.origin));
        i++;
        continue;
      }
      out.push(list[i]!);
    }
    return out;
  });
}

/** `if [ -z "${name+set}" ]; then …; fi` whose body stops the script and never reads `name`. */
function isUnsetGuard(c: Command, name: string, effects: Effects): c is If {
  if (c.kind !== "if" || c.clauses.length !== 1 || c.otherwise || c.clauses[0]!.test.length !== 1) return false;
  const test = isSetTest(c.clauses[0]!.test[0]!);
  const body = c.clauses[0]!.body;
  if (!test || test.name !== name || test.polarity || body.length === 0) return false;
  return alwaysEnds(body[body.length - 1]!, stopsScript) && !body.some((x) => mayWrite(effects.readsOf(x), name));
}

/** `exit`, or a call that never returns. */
const stopsScript = (s: Simple): boolean => !!s.noReturn || (s.words.length > 0 && sh.literalText(s.words[0]!) === "exit");
