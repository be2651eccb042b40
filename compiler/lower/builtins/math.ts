import { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import type { LowerContext } from "../context/context.ts";
import { toArith } from "../visitors/conditions.ts";
import { divisorCheck } from "../visitors/pid1.ts";
import { lowered, numberVal, type Lowered } from "../context/values.ts";
import type { Builtins } from "./builtin.ts";

/**
 * Math.floor(a / b) and Math.trunc(a / b): the only sanctioned division. sh's `/` truncates
 * toward zero, which is trunc; floor subtracts one when the remainder is non-zero and the
 * operands' signs differ.
 */
function integerDivision(call: ts.CallExpression, ctx: LowerContext, floor: boolean): Lowered {
  let arg: ts.Expression = call.arguments[0]!;
  while (ts.isParenthesizedExpression(arg)) arg = arg.expression;
  if (!ts.isBinaryExpression(arg) || arg.operatorToken.kind !== ts.SyntaxKind.SlashToken) {
    const value = ctx.expr(arg);
    return lowered(numberVal(toArith(value, arg, ctx)), value.pre);
  }
  const { pre, vals } = ctx.sequence([ctx.expr(arg.left), ctx.expr(arg.right)]);
  let a = toArith(lowered(vals[0]!), arg.left, ctx);
  let b = toArith(lowered(vals[1]!), arg.right, ctx);
  if (!floor) return lowered(numberVal(sh.binary("/", a, b)), [...pre, ...divisorCheck(b, call, ctx)]);
  // Floor reads each operand several times: give complex ones a name first.
  const named = (x: sh.Arith): sh.Arith => {
    if (x.kind === "num" || x.kind === "var") return x;
    const frozen = ctx.freeze(lowered(numberVal(x)));
    pre.push(...frozen.pre);
    return (frozen.val as { arith: sh.Arith }).arith;
  };
  a = named(a);
  b = named(b);
  pre.push(...divisorCheck(b, call, ctx));
  const signsDiffer = sh.binary("!=", sh.binary("<", a, sh.num(0)), sh.binary("<", b, sh.num(0)));
  const inexact = sh.binary("&&", sh.binary("!=", sh.binary("%", a, b), sh.num(0)), signsDiffer);
  return lowered(numberVal(sh.binary("-", sh.binary("/", a, b), inexact)), pre);
}

export const mathBuiltins: Builtins = {
  "Math.floor": (call, ctx) => integerDivision(call, ctx, true),
  "Math.trunc": (call, ctx) => integerDivision(call, ctx, false),
};
