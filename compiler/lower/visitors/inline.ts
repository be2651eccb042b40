import { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import type { Command } from "../../sh/ast.ts";
import type { FunctionInfo, LowerContext } from "../context/context.ts";
import { inlinedBody } from "../analyses/inline.ts";
import { literalText, lowered, type Lowered } from "../context/values.ts";
import { keptArgument, keptParameterSeparator, splitTextArray } from "./split-arrays.ts";

/**
 * Record makers called from one place only — a function whose body is one `return { … }` —
 * are written at that place: the parameters become variables set from the arguments (a
 * literal argument is read as the literal), and the record literal is the call's value, stored
 * straight into the caller's record. No sh function, no result register per field, no copy
 * out of each. (A function with a scalar result keeps its definition: its name documents the
 * script, and its result costs one register read.)
 *
 * JS semantics are kept: the arguments are evaluated in order before the record's fields, a
 * default applies where the argument is missing or undefined, and the fields see the
 * parameters as the function would.
 * Only when the call is the only use of the function (so the function is never a value, and
 * never recursive), the function is the program's own (not the boot library's) and not nested
 * in another, and no parameter is assigned.
 */

/** The call written in place: its arguments stored as the parameters, then the returned expression. */
export function inlineCall(info: FunctionInfo, call: ts.CallExpression, ctx: LowerContext): Lowered | undefined {
  const body = inlinedBody(info, ctx.facts);
  if (!body) return undefined;
  const pre: Command[] = [];
  info.params.forEach((param, i) => {
    const p = param.declaration;
    const symbol = ctx.symbolOf(p.name)!;
    const arg = call.arguments[i];
    const splitBy = arg && keptParameterSeparator(param, ctx);
    if (splitBy !== undefined) {
      // An array kept as text (split-arrays.ts): the same text, never changed, so the same binding.
      const kept = splitTextArray(arg!, ctx);
      if (kept) return void ctx.bindings.set(symbol, kept);
      const name = ctx.newVariable((p.name as ts.Identifier).text);
      pre.push(...ctx.store(name, keptArgument(arg!, ctx)));
      return void ctx.bindings.set(symbol, { kind: "split", name, separator: splitBy });
    }
    let value: Lowered = arg ? ctx.expr(arg) : lowered({ kind: "undefined" });
    if (value.val.kind === "undefined" && p.initializer) value = ctx.expr(p.initializer);
    // A literal needs no variable: reads of the parameter are the literal, as for a `const`.
    if (value.pre.length === 0 && literalText(value.val) !== undefined) {
      ctx.bindings.set(symbol, { kind: "constant", val: value.val });
      return;
    }
    const name = ctx.newVariable((p.name as ts.Identifier).text);
    pre.push(...ctx.store(name, value));
    if (value.val.kind === "optional" && p.initializer) {
      // Passed a value that may be undefined: the default applies when it is.
      pre.push(sh.ifThen([sh.test("-z", sh.word(sh.param(name, { kind: "alternative", colon: false, word: sh.word("set") })))], ctx.store(name, ctx.expr(p.initializer))));
    }
    ctx.bindings.set(symbol, { kind: "var", name, type: param.type, scope: ctx.position.scope });
  });
  const result = ctx.expr(body);
  return lowered(result.val, [...pre, ...result.pre]);
}
