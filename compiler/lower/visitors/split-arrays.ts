import { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import { skipParentheses } from "../../ts/nodes.ts";
import { splitByLiteral, splitTextSeparator } from "../analyses/split-arrays.ts";
import type { Binding, LowerContext, ParamInfo } from "../context/context.ts";
import { lowered, stringVal, type Lowered } from "../context/values.ts";

/** Arrays kept as the text they were split from (see analyses/split-arrays.ts): reads, walks and `includes`. */

type SplitText = Extract<Binding, { kind: "split" }>;

const literalText = (e: ts.Expression): string | undefined =>
  ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text : undefined;

/** The separator a parameter is kept by, when it is an array kept as text. */
export function keptParameterSeparator(param: ParamInfo, ctx: LowerContext): string | undefined {
  return param.type.kind === "array" ? splitTextSeparator(param.declaration.name as ts.Identifier, ctx.facts) : undefined;
}

/** The text an argument to a parameter kept as text passes: the array's own, or the split's receiver. */
export function keptArgument(arg: ts.Expression, ctx: LowerContext): Lowered {
  const kept = splitTextArray(arg, ctx);
  if (kept) return lowered(stringVal(sh.word(sh.param(kept.name))));
  return ctx.expr(splitByLiteral(arg, ctx.facts)!.text);
}

/** The array kept as text an expression names, if it names one. */
export function splitTextArray(expression: ts.Expression, ctx: LowerContext): SplitText | undefined {
  const e = skipParentheses(expression);
  const symbol = ts.isIdentifier(e) ? ctx.symbolOf(e) : undefined;
  const binding = symbol && ctx.bindingOf(symbol);
  return binding?.kind === "split" ? binding : undefined;
}

/** Literal text as pattern or word parts: a newline reads best as `"$__nl"`, a variable holding one. */
export function textParts(separator: string, ctx: LowerContext): (sh.Lit | sh.Param)[] {
  return separator.split("\n").flatMap((piece, i) => [...(i > 0 ? [sh.param(ctx.useHelper("__nl"))] : []), ...(piece ? [sh.lit(piece)] : [])]);
}

/** `words.includes("debug")`: `case " $words " in *" debug "*)`, as a condition. */
export function includesSplit(array: SplitText, call: ts.CallExpression, ctx: LowerContext): Lowered {
  const sep = textParts(array.separator, ctx);
  const item = literalText(call.arguments[0]!)!;
  const star = { kind: "glob" as const, text: "*" };
  const test: sh.Case = {
    kind: "case",
    subject: sh.word(...sep, sh.param(array.name), ...sep),
    arms: [
      { patterns: [{ parts: [star, ...sep, ...textParts(item, ctx), ...sep, star] }], body: [] },
      { patterns: [{ parts: [star] }], body: [sh.falseCommand()] },
    ],
    origin: ctx.origin(call),
  };
  return lowered({ kind: "boolean", cond: test });
}
