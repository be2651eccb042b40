import * as sh from "../../sh/ast.ts";
import { lowered, numberVal, stringVal } from "../values.ts";
import type { Builtins } from "./builtin.ts";

/** String(x), Number(s), parseInt(s, 10). */
export const conversionBuiltins: Builtins = {
  "StringConstructor()": (call, ctx) => {
    const arg = call.arguments[0];
    if (!arg) return lowered(stringVal(sh.word("")));
    const text = ctx.toWord(ctx.expr(arg), arg);
    return lowered(stringVal(text.word), text.pre);
  },
  "NumberConstructor()": (call, ctx) => {
    const arg = call.arguments[0]!;
    const value = ctx.expr(arg);
    if (value.val.kind === "number") return value;
    if (value.val.kind === "boolean") {
      const temp = ctx.newTemp();
      const { pre, cond } = ctx.toCond(value);
      return lowered(numberVal(sh.arithVar(temp)), [
        ...pre,
        sh.ifThen([cond], [sh.assign(temp, sh.word("1"))], [sh.assign(temp, sh.word("0"))]),
      ]);
    }
    const text = ctx.toWord(value, arg);
    const result = ctx.callHelper("__number", [text.word], "number");
    return lowered(result.val, [...text.pre, ...result.pre]);
  },
  parseInt: (call, ctx) => {
    const arg = call.arguments[0]!;
    const text = ctx.toWord(ctx.expr(arg), arg);
    const result = ctx.callHelper("__parseint", [text.word], "number");
    return lowered(result.val, [...text.pre, ...result.pre]);
  },
};
