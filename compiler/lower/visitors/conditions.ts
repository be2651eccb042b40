import { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import type { Arith, Command } from "../../sh/ast.ts";
import type { LowerContext } from "../context/context.ts";
import { lowered, readVar, type Lowered, type Val } from "../context/values.ts";

/** Conditions: an expression as an exit status, with JavaScript's truthiness and short-circuits. */

const K = ts.SyntaxKind;

/** The arithmetic form of a number-typed value. */
export function toArith(l: Lowered, node: ts.Node, ctx: LowerContext): Arith {
  if (l.val.kind === "number") return l.val.arith;
  return ctx.failType(node);
}

/** `[ -n "${x+set}" ]` (`-z` for unset): whether a variable is set, empty or not. */
export const setTest = (name: string, op: "-n" | "-z"): Command =>
  sh.test(op, sh.word(sh.param(name, { kind: "alternative", colon: false, word: sh.word("set") })));

/** Whether a value is not `undefined`, as a condition. */
export function isDefined(v: Val): Command {
  if (v.kind === "undefined") return sh.falseCommand();
  if (v.kind !== "optional") return sh.trueCommand();
  return setTest(v.name, "-n");
}

/** Whether a value is `undefined`, as a condition. */
export function isUndefined(v: Val): Command {
  if (v.kind === "undefined") return sh.trueCommand();
  if (v.kind !== "optional") return sh.falseCommand();
  return setTest(v.name, "-z");
}

/**
 * Lowers an expression used as a condition. `&&`, `||` and `!` become the shell's own
 * operators, so the right operand (and any call in it) runs only when JavaScript would run it.
 */
export function lowerCondition(node: ts.Expression, ctx: LowerContext): Command {
  if (ts.isParenthesizedExpression(node)) return lowerCondition(node.expression, ctx);
  if (ts.isPrefixUnaryExpression(node) && node.operator === K.ExclamationToken) {
    return sh.not(lowerCondition(node.operand, ctx));
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) {
      const left = lowerCondition(node.left, ctx);
      const right = lowerCondition(node.right, ctx);
      return op === K.AmpersandAmpersandToken ? sh.and(left, right) : sh.or(left, right);
    }
    if (op === K.QuestionQuestionToken) {
      // `o ?? d` as a condition: o's truth where o is set, d's where it is not.
      const left = ctx.expr(node.left);
      const kept = left.val.kind === "optional" ? readVar(left.val.name, left.val.inner) : left.val;
      const choose = sh.ifThen([isDefined(left.val)], [ctx.toCond(lowered(kept)).cond], [lowerCondition(node.right, ctx)]);
      return left.pre.length > 0 ? sh.group([...left.pre, choose]) : choose;
    }
  }
  const { pre, cond } = ctx.toCond(ctx.expr(node));
  return pre.length > 0 ? sh.group([...pre, cond]) : cond;
}

