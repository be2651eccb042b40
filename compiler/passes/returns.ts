import type { Command } from "../sh/ast.ts";
import { isBare } from "./effects.ts";

/**
 * Drops a bare `return` that is the last thing a function does. A bare `return` gives the
 * status of the command before it, and so does falling off the end of the function, so the
 * function's result is unchanged. "Last" looks into the branches of a final `if` or `case`,
 * but not into loops. A `return` alone in a body stays: there it gives the status from before
 * the call (or before the `case`), which an empty body would not.
 */
export function dropFinalReturns(commands: readonly Command[]): Command[] {
  return commands.map((c) => (c.kind === "function" ? { ...c, body: dropFinal(c.body) } : c));
}

function dropFinal(body: Command[]): Command[] {
  const last = body[body.length - 1];
  if (!last) return body;
  // Alone, `return` gives the status the caller had before the call: keep it.
  if (isBare(last, "return")) return body.length > 1 ? body.slice(0, -1) : body;
  const rest = body.slice(0, -1);
  switch (last.kind) {
    case "if":
      return [
        ...rest,
        {
          ...last,
          clauses: last.clauses.map((k) => ({ test: k.test, body: dropFinal(k.body) })),
          ...(last.otherwise ? { otherwise: dropFinal(last.otherwise) } : {}),
        },
      ];
    case "case":
      return [...rest, { ...last, arms: last.arms.map((a) => ({ patterns: a.patterns, body: dropFinal(a.body) })) }];
    case "group":
      return [...rest, { ...last, body: dropFinal(last.body) }];
    default:
      return body;
  }
}
