import type { Command, Word } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { singleAssignment } from "./effects.ts";
import { mapLists } from "../sh/walk.ts";
import { isSetTest } from "./shapes.ts";

/** Text the printer accepts inside `${x-…}`. */
const innerSafe = (w: Word): boolean =>
  w.parts.every((p) => (p.kind === "lit" && /^[A-Za-z0-9_ .,:=@%+-]*$/.test(p.text)) || (p.kind === "param" && !p.op));

/**
 * `if [ "${x+set}" ]; then t=$x; else t=word; fi` → `t=${x-word}`: JavaScript's `x ?? word`
 * for a value that may be undefined, in the expansion made for it.
 */
export function foldDefaults(commands: readonly Command[]): Command[] {
  return mapLists(commands, (list) =>
    list.map((c) => {
      if (c.kind !== "if" || c.clauses.length !== 1 || !c.otherwise || c.otherwise.length !== 1) return c;
      const clause = c.clauses[0]!;
      if (clause.test.length !== 1 || clause.body.length !== 1) return c;
      const test = isSetTest(clause.test[0]!);
      if (!test) return c;
      const [whenSet, whenUnset] = test.polarity ? [clause.body[0]!, c.otherwise[0]!] : [c.otherwise[0]!, clause.body[0]!];
      const a = singleAssignment(whenSet);
      const b = singleAssignment(whenUnset);
      if (!a || !b || a.name !== b.name) return c;
      const copied = a.value.parts.length === 1 ? a.value.parts[0]! : undefined;
      if (copied?.kind !== "param" || copied.op || copied.name !== test.name || !innerSafe(b.value)) return c;
      const value = sh.word(sh.param(test.name, { kind: "default", colon: false, word: b.value }));
      return sh.assign(a.name, value, c.origin ?? whenSet.origin);
    }),
  );
}
