import type { Command } from "./ast.ts";

/**
 * Rebuilds a command list bottom-up: `visit` sees each command after its nested bodies have
 * been rebuilt and returns the commands that replace it (none, itself, or several).
 */
export function mapCommands(commands: readonly Command[], visit: (c: Command) => Command[]): Command[] {
  const list = (cs: readonly Command[]) => mapCommands(cs, visit);
  const one = (c: Command): Command => {
    const out = list([c]);
    return out.length === 1 ? out[0]! : { kind: "group", body: out };
  };
  return commands.flatMap((c): Command[] => {
    switch (c.kind) {
      case "if":
        return visit({
          ...c,
          clauses: c.clauses.map((k) => ({ test: list(k.test), body: list(k.body) })),
          ...(c.otherwise ? { otherwise: list(c.otherwise) } : {}),
        });
      case "while":
        return visit({ ...c, test: list(c.test), body: list(c.body) });
      case "for":
        return visit({ ...c, body: list(c.body) });
      case "case":
        return visit({ ...c, arms: c.arms.map((a) => ({ patterns: a.patterns, body: list(a.body) })) });
      case "and":
      case "or":
        return visit({ ...c, left: one(c.left), right: one(c.right) });
      case "not":
        return visit({ ...c, command: one(c.command) });
      case "group":
      case "function":
        return visit({ ...c, body: list(c.body) });
      default:
        return visit(c);
    }
  });
}
