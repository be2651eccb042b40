import { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import { skipParentheses } from "../../ts/nodes.ts";
import type { Binding, LowerContext } from "../context/context.ts";
import { lowered, stringVal, type Lowered } from "../context/values.ts";

/** Arrays kept as their joined text (see analyses/joined-arrays.ts): reads, pushes and joins. */

type Joined = Extract<Binding, { kind: "joined" }>;

/** The joined array an expression names, if it names one. */
export function joinedArray(expression: ts.Expression, ctx: LowerContext): Joined | undefined {
  const e = skipParentheses(expression);
  const symbol = ts.isIdentifier(e) ? ctx.symbolOf(e) : undefined;
  const binding = symbol && ctx.bindingOf(symbol);
  return binding?.kind === "joined" ? binding : undefined;
}

/** `kept.push(a, b)`: `kept=$kept:$a:$b`, the items evaluated in order. */
export function pushJoined(array: Joined, call: ts.CallExpression, ctx: LowerContext): Lowered {
  const items = call.arguments.map((arg) => {
    const text = ctx.toWord(ctx.expr(arg), arg);
    return lowered(stringVal(text.word), text.pre);
  });
  const { pre, vals } = ctx.sequence(items);
  const parts: sh.WordPart[] = [sh.param(array.name)];
  for (const v of vals) parts.push(sh.lit(array.separator), ...(v as { word: sh.Word }).word.parts);
  // push's result (the new length) is never read: joinedSeparator takes statements only.
  return lowered({ kind: "void" }, [...pre, sh.assign(array.name, sh.word(...parts), ctx.origin(call))]);
}

/** `kept.join(sep)`: the text without its first separator. */
export function joinJoined(array: Joined, call: ts.CallExpression, ctx: LowerContext): Lowered {
  if (array.separator === "") return lowered(stringVal(sh.word(sh.param(array.name))));
  // A strip is only ever a whole assignment value (see sh/ast.ts): it goes through a temporary.
  const temp = ctx.newTemp();
  const strip = sh.param(array.name, { kind: "strip", op: "#", pattern: { parts: [sh.lit(array.separator)] } });
  return lowered(stringVal(sh.word(sh.param(temp))), [sh.assign(temp, sh.word(strip), ctx.origin(call))]);
}
