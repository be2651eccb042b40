import type { Command, Simple, Word } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { isTemp, passedOn, singleAssignment } from "./effects.ts";
import { mapLists } from "../sh/walk.ts";
import { endsInJump, isPlainRead, isSetTest, isUnsetOf } from "./shapes.ts";

// Backward copies: where a temporary is copied into a variable right after it is assigned,
// the variable is assigned in its place (see assignDirectly).

/** The values of the final assignments to `temp` in `c` (see endsDefining). */
function finalValues(c: Command, temp: string): Word[] {
  const a = singleAssignment(c);
  if (a) return [a.value];
  if (c.kind !== "if") return [];
  return [...c.clauses.map((k) => k.body), c.otherwise ?? []].flatMap((b) => (b.length > 0 ? finalValues(b[b.length - 1]!, temp) : []));
}

/**
 * The copy of a value that may be undefined, `if [ "${t+set}" ]; then x=$t; else unset x; fi`
 * (either polarity): `{ from: t, to: x }`.
 */
export function optionalCopy(c: Command): { from: string; to: string } | undefined {
  if (c.kind !== "if" || c.clauses.length !== 1 || c.otherwise?.length !== 1) return undefined;
  const clause = c.clauses[0]!;
  if (clause.test.length !== 1 || clause.body.length !== 1) return undefined;
  const test = isSetTest(clause.test[0]!);
  if (!test) return undefined;
  const [whenSet, whenUnset] = test.polarity ? [clause.body[0]!, c.otherwise[0]!] : [c.otherwise[0]!, clause.body[0]!];
  const a = singleAssignment(whenSet);
  if (!a || !isPlainRead(a.value, test.name) || a.name === test.name || !isUnsetOf(whenUnset, a.name)) return undefined;
  return { from: test.name, to: a.name };
}

/**
 * Whether every way through `c` that reaches its end ends by assigning `temp` — or unsetting
 * it, when `unsets` — or leaves by a jump.
 */
function endsDefining(c: Command, temp: string, unsets: boolean): boolean {
  if (unsets && isUnsetOf(c, temp)) return true;
  const a = singleAssignment(c);
  if (a) return a.name === temp;
  if (c.kind !== "if" || !c.otherwise) return false;
  return [...c.clauses.map((k) => k.body), c.otherwise].every(
    (b) => b.length > 0 && (endsDefining(b[b.length - 1]!, temp, unsets) || endsInJump(b[b.length - 1]!)),
  );
}

function renameDefining(c: Command, temp: string, target: string): Command {
  if (isUnsetOf(c, temp)) return sh.command("unset", target);
  const a = singleAssignment(c);
  if (a) return { ...(c as Simple), assigns: [{ name: target, value: a.value }] };
  if (c.kind !== "if") return c;
  const last = (b: Command[]) => (endsInJump(b[b.length - 1]!) ? b : [...b.slice(0, -1), renameDefining(b[b.length - 1]!, temp, target)]);
  return { ...c, clauses: c.clauses.map((k) => ({ test: k.test, body: last(k.body) })), otherwise: last(c.otherwise!) };
}

/** `if T; then x=true; else x=false; fi` (either way round): x and whether T sets it true. */
function storedCondition(c: Command): { name: string; test: Command[]; whenTrue: boolean } | undefined {
  if (c.kind !== "if" || c.clauses.length !== 1 || c.otherwise?.length !== 1 || c.clauses[0]!.body.length !== 1) return undefined;
  const then = singleAssignment(c.clauses[0]!.body[0]!);
  const otherwise = singleAssignment(c.otherwise[0]!);
  const values = [then, otherwise].map((a) => (a ? sh.literalText(a.value) : undefined));
  if (!then || then.name !== otherwise?.name || !["true,false", "false,true"].includes(values.join(","))) return undefined;
  return { name: then.name, test: c.clauses[0]!.test, whenTrue: values[0] === "true" };
}

/**
 * `if T; then x=true; else x=false; fi; if [ "$x" != true ]; then …` → `if ! T; then …`: a
 * boolean stored only to be tested right away (read nowhere else: passedOn) is tested where
 * it is made. T runs once, at the same point, either way; negating a list negates its last
 * command, whose status is the list's.
 */
function testedDirectly(c: Command, next: Command, reads: ReadonlyMap<string, number>): Command | undefined {
  const stored = storedCondition(c);
  if (!stored || !passedOn(stored.name, reads) || next.kind !== "if" || next.clauses[0]!.test.length !== 1) return undefined;
  const test = next.clauses[0]!.test[0]!;
  const words = test.kind === "simple" && test.assigns.length === 0 && test.redirects.length === 0 ? test.words.map((w) => sh.literalText(w)) : [];
  if (words.length !== 5 || words[0] !== "[" || words[4] !== "]" || words[3] !== "true" || !["=", "!="].includes(words[2]!)) return undefined;
  if (!isPlainRead((test as Simple).words[1]!, stored.name)) return undefined;
  const keep = (words[2] === "=") === stored.whenTrue;
  const last = stored.test[stored.test.length - 1]!;
  const condition = keep ? stored.test : [...stored.test.slice(0, -1), sh.not(last)];
  return { ...next, clauses: [{ test: condition, body: next.clauses[0]!.body }, ...next.clauses.slice(1)] };
}

/**
 * `_tN=v; x=$_tN` → `x=v`, and the same when `_tN` is assigned at the end of every branch of
 * an `if` right before the copy. Only for temporaries read nowhere else (and variables that
 * only pass their value on: passedOn); nothing runs between
 * the last assignment and the copy, so `x` gets the same value at the same point. Likewise a
 * temporary that may be undefined, set or unset at the end of every branch and then copied
 * with its undefinedness (optionalCopy): the branches set or unset `x` themselves.
 */
export function assignDirectly(commands: readonly Command[], reads: ReadonlyMap<string, number>): Command[] {
  return mapLists(commands, (list) => {
    const out: Command[] = [];
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      const tested = list[i + 1] && testedDirectly(c, list[i + 1]!, reads);
      if (tested) {
        out.push(tested);
        i++;
        continue;
      }
      const copy = list[i + 1] && optionalCopy(list[i + 1]!);
      if (
        copy && isTemp(copy.from) && reads.get(copy.from) === 2 && endsDefining(c, copy.from, true) &&
        !finalValues(c, copy.from).some((v) => isPlainRead(v, copy.to)) // no `x=$x`
      ) {
        out.push(renameDefining(c, copy.from, copy.to));
        i++;
        continue;
      }
      const next = list[i + 1] && singleAssignment(list[i + 1]!);
      const part = next?.value.parts.length === 1 ? next.value.parts[0]! : undefined;
      if (
        next && part?.kind === "param" && !part.op && (isTemp(part.name) || passedOn(part.name, reads)) && next.name !== part.name &&
        reads.get(part.name) === 1 && endsDefining(c, part.name, false) &&
        !finalValues(c, part.name).some((v) => isPlainRead(v, next.name)) // no `x=$x`
      ) {
        out.push(renameDefining(c, part.name, next.name));
        i++;
        continue;
      }
      out.push(c);
    }
    return out;
  });
}
