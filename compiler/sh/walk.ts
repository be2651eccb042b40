import type { Command } from "./ast.ts";

/**
 * Rebuilds a command list bottom-up: `visit` sees each command after its nested bodies have
 * been rebuilt and returns the commands that replace it (none, itself, or several).
 *
 * What nothing changed is not copied: a command whose nested lists all come back the same is
 * passed to `visit` as it is, and a list whose commands all come back the same is returned as
 * it is. The passes rely on that to reuse what they computed about an unchanged program
 * (passes/optimize.ts). Commands are never changed in place.
 */
export function mapCommands(commands: readonly Command[], visit: (c: Command) => Command[]): Command[] {
  const list = (cs: readonly Command[]) => mapCommands(cs, visit);
  const one = (c: Command): Command => {
    const out = list([c]);
    return out.length === 1 ? out[0]! : { kind: "group", body: out };
  };
  const rebuilt = (c: Command): Command => {
    switch (c.kind) {
      case "if": {
        const clauses = c.clauses.map((k) => sameClause(k, list(k.test), list(k.body)));
        const otherwise = c.otherwise && list(c.otherwise);
        return clauses.every((k, i) => k === c.clauses[i]) && otherwise === c.otherwise ? c : { ...c, clauses, ...(otherwise ? { otherwise } : {}) };
      }
      case "while": {
        const test = list(c.test);
        const body = list(c.body);
        return test === c.test && body === c.body ? c : { ...c, test, body };
      }
      case "for":
      case "group":
      case "function": {
        const body = list(c.body);
        return body === c.body ? c : { ...c, body };
      }
      case "case": {
        const arms = c.arms.map((a) => {
          const body = list(a.body);
          return body === a.body ? a : { patterns: a.patterns, body };
        });
        return arms.every((a, i) => a === c.arms[i]) ? c : { ...c, arms };
      }
      case "and":
      case "or": {
        const left = one(c.left);
        const right = one(c.right);
        return left === c.left && right === c.right ? c : { ...c, left, right };
      }
      case "not": {
        const command = one(c.command);
        return command === c.command ? c : { ...c, command };
      }
      default:
        return c;
    }
  };
  return sameList(commands, commands.flatMap((c) => visit(rebuilt(c))));
}

/** `out`, or `list` itself when `out` holds the same commands in the same order. */
export function sameList<T>(list: readonly T[], out: T[]): T[] {
  return out.length === list.length && out.every((x, i) => x === list[i]) ? (list as T[]) : out;
}

/** An if clause of `test` and `body`, or `k` itself when both are its own. */
function sameClause<K extends { test: Command[]; body: Command[] }>(k: K, test: Command[], body: Command[]): { test: Command[]; body: Command[] } {
  return test === k.test && body === k.body ? k : { test, body };
}
