import type { Command } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { type Effects, hasJump, isTemp, passedOn, mayWrite, readCounts, singleAssignment } from "./effects.ts";
import { renameReads } from "../sh/reads.ts";
import { mapLists } from "../sh/walk.ts";
import { isPlainRead } from "./shapes.ts";

/**
 * `_t1=$__r; __apush "$_t1" a; names=$_t1` → `names=$__r; __apush "$names" a`: a temporary
 * (or a variable that only passes its value on, see passedOn) built up and then copied to a
 * variable is the variable from the start, when nothing in
 * between reads or writes that variable (functions called included), nothing writes the
 * temporary, nothing reads it elsewhere, and nothing can leave the list before the copy
 * (`return`, `break`, `continue`; `exit` ends everything anyway).
 */
export function assignEarly(commands: readonly Command[], effects: Effects, reads: ReadonlyMap<string, number>): Command[] {
  return mapLists(commands, (list) => {
    const out = [...list];
    for (let i = 0; i < out.length; i++) {
      const a = singleAssignment(out[i]!);
      if (!a || !(isTemp(a.name) || passedOn(a.name, reads))) continue;
      const temp = a.name;
      const k = out.findIndex((c, j) => j > i && isCopyOf(c, temp));
      if (k < 0) continue;
      const target = singleAssignment(out[k]!)!.name;
      if (isPlainRead(a.value, target)) continue; // no `x=$x`
      const between = out.slice(i + 1, k);
      if (readCounts([...between, out[k]!]).get(temp) !== reads.get(temp)) continue;
      const touches = (c: Command) =>
        hasJump(c) || mayWrite(effects.writesOf(c), temp) || mayWrite(effects.writesOf(c), target) || mayWrite(effects.readsOf(c), target);
      if (between.some(touches)) continue;
      out.splice(i, k - i + 1, sh.assign(target, a.value, out[i]!.origin), ...between.map((c) => renameReads(c, temp, target)));
    }
    return out;
  });
}

const isCopyOf = (c: Command, temp: string): boolean => {
  const a = singleAssignment(c);
  const p = a?.value.parts.length === 1 ? a.value.parts[0]! : undefined;
  return !!a && a.name !== temp && p?.kind === "param" && p.name === temp && !p.op;
};
