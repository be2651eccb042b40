import * as sh from "../sh/ast.ts";
import type { Command } from "../sh/ast.ts";
import { LOCATION } from "../sh/registers.ts";
import { withNested } from "../sh/walk.ts";

/**
 * Drops an assignment of the call-site register `__loc` that repeats the value it already
 * has. Lowering sets `__loc` before every call from the user's program into the boot library;
 * several such calls on one source line would repeat it. Only the user's own functions set
 * `__loc`, so it is known until one of them is called, and along straight-line code only: a
 * loop body or whatever follows a compound command starts over.
 */
export function dropRepeatedLocations(commands: Command[], userFunctions: ReadonlySet<string>): Command[] {
  return list(commands, undefined, userFunctions).commands;
}

interface Result {
  commands: Command[];
  /** The value `__loc` is known to have afterwards, if any. */
  known: string | undefined;
}

function list(commands: readonly Command[], entry: string | undefined, user: ReadonlySet<string>): Result {
  let known = entry;
  const out: Command[] = [];
  for (const c of commands) {
    const r = command(c, known, user);
    out.push(...r.commands);
    known = r.known;
  }
  return { commands: out, known };
}

function command(c: Command, known: string | undefined, user: ReadonlySet<string>): Result {
  switch (c.kind) {
    case "simple": {
      const loc = c.words.length === 0 && c.redirects.length === 0 && c.assigns.length === 1 && c.assigns[0]!.name === LOCATION ? sh.literalText(c.assigns[0]!.value) : undefined;
      if (loc !== undefined) return loc === known ? { commands: [], known } : { commands: [c], known: loc };
      const substitutes = [...c.words, ...c.assigns.map((a) => a.value)].some((w) => w.parts.some((p) => p.kind === "command"));
      const name = c.words[0] === undefined ? "" : sh.literalText(c.words[0]);
      const callsUser = substitutes || name === undefined || user.has(name);
      return { commands: [c], known: callsUser ? undefined : known };
    }
    case "if": {
      // Each test runs after the ones before it; each body after its test.
      let before = known;
      const clauses = c.clauses.map((k) => {
        const test = list(k.test, before, user);
        before = test.known;
        return { test: test.commands, body: list(k.body, test.known, user).commands };
      });
      const otherwise = c.otherwise ? list(c.otherwise, before, user).commands : undefined;
      return { commands: [{ ...c, clauses, ...(otherwise ? { otherwise } : {}) }], known: undefined };
    }
    case "and":
    case "or": {
      const left = list([c.left], known, user);
      const right = list([c.right], left.known, user);
      return { commands: [{ ...c, left: sh.group(left.commands), right: sh.group(right.commands) }], known: undefined };
    }
    case "not": {
      const inner = list([c.command], known, user);
      return { commands: [{ ...c, command: sh.group(inner.commands) }], known: inner.known };
    }
    case "group": {
      const inner = list(c.body, known, user);
      return { commands: [{ ...c, body: inner.commands }], known: inner.known };
    }
    case "while":
      return { commands: [{ ...c, test: list(c.test, undefined, user).commands, body: list(c.body, undefined, user).commands }], known: undefined };
    case "for":
      return { commands: [{ ...c, body: list(c.body, undefined, user).commands }], known: undefined };
    case "case":
      return { commands: [{ ...c, arms: c.arms.map((a) => ({ patterns: a.patterns, body: list(a.body, known, user).commands })) }], known: undefined };
    case "function":
      return { commands: [{ ...c, body: list(c.body, undefined, user).commands }], known };
    case "comment":
      return { commands: [c], known };
    default: {
      // Any other command: what runs inside it starts over, and so does what follows it.
      const fresh = (cs: readonly Command[]) => list(cs, undefined, user).commands;
      return { commands: [withNested(c, fresh, (x) => sh.group(fresh([x])))], known: undefined };
    }
  }
}
