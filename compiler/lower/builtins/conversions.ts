import type { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Word } from "../../sh/ast.ts";
import type { LowerContext } from "../context/context.ts";
import { lowered, numberVal, stringVal } from "../context/values.ts";
import type { Builtins } from "./builtin.ts";

/**
 * Number(text) and parseInt(text) stop the script on text that is not a number. An init's own
 * code must not: unless the text is a literal that converts, it is told to use toInteger.
 * (The boot library's own calls convert text it has checked.)
 */
function checkConversion(call: ts.CallExpression, text: Word, ctx: LowerContext, name: string, converts: RegExp): void {
  if (!ctx.script.initMode || ctx.inLibrary(call)) return;
  const literal = sh.literalText(text);
  if (literal === undefined || !converts.test(literal)) ctx.fail(diagnostics.uncheckedConversion(call, name));
}

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
    checkConversion(call, text.word, ctx, "Number", /^\s*[+-]?[0-9]+\s*$|^\s*$/);
    const result = ctx.callHelper("__number", [text.word], "number");
    return lowered(result.val, [...text.pre, ...result.pre]);
  },
  parseInt: (call, ctx) => {
    const arg = call.arguments[0]!;
    const text = ctx.toWord(ctx.expr(arg), arg);
    checkConversion(call, text.word, ctx, "parseInt", /^\s*[+-]?[0-9]/);
    const result = ctx.callHelper("__parseint", [text.word], "number");
    return lowered(result.val, [...text.pre, ...result.pre]);
  },
};
