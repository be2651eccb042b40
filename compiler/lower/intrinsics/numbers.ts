import type { ts } from "ts-morph";
import type { Builtins } from "../builtins/builtin.ts";
import type { LowerContext } from "../context/context.ts";
import { lowered, type Lowered } from "../context/values.ts";

/** `toInteger(text)`: the checked conversion, `__toint` leaving `__r` unset for undefined. */
function toInteger(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const arg = call.arguments[0]!;
  const text = ctx.toWord(ctx.expr(arg), arg);
  const convert = ctx.callHelper("__toint", [text.word], "optional-string");
  return lowered({ kind: "optional", name: "__r", inner: "number" }, [...text.pre, ...convert.pre]);
}

export const numberIntrinsics: Builtins = { toInteger };
