import type { Command, Word } from "./ast.ts";

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
  return sameList(commands, commands.flatMap((c) => visit(withNested(c, list, one))));
}

/**
 * `c` with each command list directly inside it (tests, bodies, branches, arms) replaced by
 * `list` of it, and each operand of `&&`, `||` and `!` by `operand` of it; `c` itself when
 * every one comes back the same.
 */
export function withNested(c: Command, list: (cs: Command[]) => Command[], operand: (c: Command) => Command): Command {
  switch (c.kind) {
    case "if": {
      const clauses = c.clauses.map((k) => {
        const test = list(k.test);
        const body = list(k.body);
        return test === k.test && body === k.body ? k : { test, body };
      });
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
      const left = operand(c.left);
      const right = operand(c.right);
      return left === c.left && right === c.right ? c : { ...c, left, right };
    }
    case "not": {
      const command = operand(c.command);
      return command === c.command ? c : { ...c, command };
    }
    default:
      return c;
  }
}

/** `out`, or `list` itself when `out` holds the same commands in the same order. */
export function sameList<T>(list: readonly T[], out: T[]): T[] {
  return out.length === list.length && out.every((x, i) => x === list[i]) ? (list as T[]) : out;
}

/**
 * Calls `visit` on every command, top-down: nested bodies, operands and the commands of
 * command substitutions (`$(…)`) included, with the name of the function each one is in
 * (undefined outside every function).
 */
export function forEachCommand(commands: readonly Command[], visit: (c: Command, inFunction: string | undefined) => void, inFunction?: string): void {
  for (const c of commands) {
    visit(c, inFunction);
    const within = c.kind === "function" ? c.name : inFunction;
    forEachCommand(substitutions(c), visit, within);
    withNested(
      c,
      (cs) => (forEachCommand(cs, visit, within), cs),
      (x) => (forEachCommand([x], visit, within), x),
    );
  }
}

/** The commands inside the words of `c` itself (`x=$(…)`, `"$(…)"`, a `for` list, a `case` subject). */
function substitutions(c: Command): Command[] {
  const words: Word[] =
    c.kind === "simple" ? [...c.words, ...c.assigns.map((a) => a.value), ...c.redirects.map((r) => r.target)] : c.kind === "for" ? c.words : c.kind === "case" ? [c.subject] : [];
  return words.flatMap((w) => w.parts.flatMap((p) => (p.kind === "command" ? [p.command] : [])));
}
