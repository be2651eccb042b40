import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Arith, Command, Word } from "../../sh/ast.ts";
import { textOf } from "../../ts/nodes.ts";
import type { LowerContext, ExpressionVisitors } from "../context/context.ts";
import { lowerEffect, assignmentOps } from "./assignments.ts";
import { valueType } from "../analyses/writes.ts";
import { arithWord, lowered, numberVal, readVar, stringVal, type Lowered, type Val } from "../context/values.ts";
import { divisorCheck } from "./pid1.ts";
import { isDefined, lowerCondition, setTest, toArith } from "./conditions.ts";

/** Unary and binary operators, with JavaScript's value and short-circuit semantics. */

const K = ts.SyntaxKind;

const arithmeticOps: Partial<Record<ts.SyntaxKind, sh.ArithOp>> = {
  [K.MinusToken]: "-",
  [K.AsteriskToken]: "*",
  [K.PercentToken]: "%",
};
const numericTests: Partial<Record<ts.SyntaxKind, string>> = {
  [K.LessThanToken]: "-lt",
  [K.LessThanEqualsToken]: "-le",
  [K.GreaterThanToken]: "-gt",
  [K.GreaterThanEqualsToken]: "-ge",
};
const bitwise = new Set([
  K.AmpersandToken, K.BarToken, K.CaretToken, K.LessThanLessThanToken, K.GreaterThanGreaterThanToken,
  K.GreaterThanGreaterThanGreaterThanToken, K.AmpersandEqualsToken, K.BarEqualsToken, K.CaretEqualsToken,
  K.LessThanLessThanEqualsToken, K.GreaterThanGreaterThanEqualsToken, K.GreaterThanGreaterThanGreaterThanEqualsToken,
]);
function lowerBinary(node: ts.BinaryExpression, ctx: LowerContext): Lowered {
  const op = node.operatorToken.kind;
  const text = textOf(node.operatorToken);
  if (op === K.SlashToken || op === K.SlashEqualsToken) return ctx.fail(diagnostics.bareDivision(node.operatorToken));
  if (op === K.AsteriskAsteriskToken || op === K.AsteriskAsteriskEqualsToken) return ctx.fail(diagnostics.exponent(node.operatorToken));
  if (bitwise.has(op)) return ctx.fail(diagnostics.bitwise(node.operatorToken, text));
  if (op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) {
    return ctx.fail(diagnostics.looseEquality(node.operatorToken, text));
  }
  if (op in assignmentOps || op === K.AmpersandAmpersandEqualsToken || op === K.BarBarEqualsToken || op === K.QuestionQuestionEqualsToken) {
    return ctx.fail(diagnostics.effectAsValue(node, "An assignment"));
  }
  if (op === K.CommaToken) return ctx.fail(diagnostics.unsupportedSyntax(node.operatorToken, "The comma operator"));
  if (op === K.InKeyword || op === K.InstanceOfKeyword) {
    return ctx.fail(diagnostics.unsupportedOperator(node.operatorToken, text, "Records have a fixed shape known at compile time."));
  }
  if (op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken) {
    return lowerLogicalValue(node, ctx);
  }
  if (op === K.PlusToken) return lowerPlus(node, ctx);
  const arithOp = arithmeticOps[op];
  if (arithOp) return lowerArithmetic(node, arithOp, ctx);
  if (numericTests[op] || op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken) {
    return lowered({ kind: "boolean", cond: lowerComparison(node, ctx), effect: true });
  }
  return ctx.fail(diagnostics.unsupportedOperator(node.operatorToken, text, ""));
}

function lowerArithmetic(node: ts.BinaryExpression, op: sh.ArithOp, ctx: LowerContext): Lowered {
  return arithmetic(node, op, ctx.expr(node.left), ctx.expr(node.right), ctx);
}

function arithmetic(node: ts.BinaryExpression, op: sh.ArithOp, l: Lowered, r: Lowered, ctx: LowerContext): Lowered {
  const { pre, vals } = ctx.sequence([l, r]);
  const left = toArith(lowered(vals[0]!), node.left, ctx);
  const right = toArith(lowered(vals[1]!), node.right, ctx);
  return lowered(numberVal(sh.binary(op, left, right)), op === "%" ? [...pre, ...divisorCheck(right, node, ctx)] : pre);
}

/**
 * `+` adds numbers and joins anything else as text. Which one follows from the operands'
 * values (a string on either side makes text), not from asking the checker for the type of
 * every prefix of a long chain, which costs time quadratic in its length.
 */
function lowerPlus(node: ts.BinaryExpression, ctx: LowerContext): Lowered {
  const left = ctx.expr(node.left);
  const right = ctx.expr(node.right);
  const numeric = (v: Val) => v.kind === "number";
  return numeric(left.val) && numeric(right.val) ? arithmetic(node, "+", left, right, ctx) : concat(node, left, right, ctx);
}

function concat(node: ts.BinaryExpression, l: Lowered, r: Lowered, ctx: LowerContext): Lowered {
  const left = ctx.toWord(l, node.left);
  const right = ctx.toWord(r, node.right);
  const { pre, vals } = ctx.sequence([
    lowered(stringVal(left.word), left.pre),
    lowered(stringVal(right.word), right.pre),
  ]);
  const words = vals.map((v) => (v as { word: Word }).word);
  return lowered(stringVal(sh.word(...words[0]!.parts, ...words[1]!.parts)), pre);
}

/** `===`, `!==`, `<` …: a condition. Operands are evaluated first, in order. */
function lowerComparison(node: ts.BinaryExpression, ctx: LowerContext): Command {
  const op = node.operatorToken.kind;
  const negate = op === K.ExclamationEqualsEqualsToken;
  const leftType = ctx.shTypeOf(node.left);
  const rightType = ctx.shTypeOf(node.right);
  const numeric = numericTests[op];
  if (numeric && (leftType?.kind !== "number" || rightType?.kind !== "number")) {
    return ctx.fail(diagnostics.stringRelational(node.operatorToken));
  }
  if (leftType?.kind === "record" || rightType?.kind === "record") {
    return ctx.fail(diagnostics.unsupportedOperator(node.operatorToken, textOf(node.operatorToken), "Compare the fields."));
  }
  const { pre, vals } = ctx.sequence([ctx.expr(node.left), ctx.expr(node.right)]);
  const [a, b] = vals as [Val, Val];
  let cond: Command;
  if (numeric && (a as { arith: Arith }).arith.kind === "num" && (b as { arith: Arith }).arith.kind === "num") {
    const [x, y] = [((a as { arith: Arith }).arith as { value: number }).value, ((b as { arith: Arith }).arith as { value: number }).value];
    const holds = { "-lt": x < y, "-le": x <= y, "-gt": x > y, "-ge": x >= y }[numeric]!;
    cond = holds ? sh.trueCommand() : sh.falseCommand();
  } else if (numeric) {
    cond = sh.test(arithWord((a as { arith: Arith }).arith), numeric, arithWord((b as { arith: Arith }).arith));
  } else {
    cond = equality(a, b, node, ctx, pre);
  }
  const test = negate ? sh.not(cond) : cond;
  return pre.length > 0 ? sh.group([...pre, test]) : test;
}

/** JavaScript `===` between two values of compatible types. `pre` receives any conversions. */
function equality(a: Val, b: Val, node: ts.Node, ctx: LowerContext, pre: Command[]): Command {
  const isSet = (name: string) => setTest(name, "-n");
  const isUnset = (name: string) => setTest(name, "-z");
  if (a.kind === "undefined" && b.kind === "undefined") return sh.trueCommand();
  if (a.kind === "undefined" || b.kind === "undefined") {
    const other = a.kind === "undefined" ? b : a;
    return other.kind === "optional" ? isUnset(other.name) : sh.falseCommand();
  }
  const text = (v: Val): Word => {
    const w = ctx.toWord(lowered(v), node);
    pre.push(...w.pre);
    return v.kind === "optional" ? sh.word(sh.param(v.name)) : w.word;
  };
  const kindOf = (v: Val) => (v.kind === "optional" ? v.inner : v.kind);
  const operator = kindOf(a) === "number" && kindOf(b) === "number" ? "-eq" : "=";
  const left = text(a);
  const right = text(b);
  const [leftText, rightText] = [sh.literalText(left), sh.literalText(right)];
  const constant = leftText !== undefined && rightText !== undefined && a.kind !== "optional" && b.kind !== "optional";
  const same = operator === "=" ? leftText === rightText : Number(leftText) === Number(rightText);
  const compare = constant ? (same ? sh.trueCommand() : sh.falseCommand()) : sh.test(left, operator, right);
  if (a.kind === "optional" && b.kind === "optional") {
    return sh.or(sh.and(isUnset(a.name), isUnset(b.name)), sh.and(sh.and(isSet(a.name), isSet(b.name)), compare));
  }
  // Text that is never empty cannot equal an unset variable read as empty: one test does it.
  const optional = a.kind === "optional" ? a : b.kind === "optional" ? b : undefined;
  const otherText = optional === a ? rightText : leftText;
  if (optional && operator === "=" && otherText !== undefined && otherText !== "") {
    const read = sh.word(sh.orEmpty(optional.name));
    return optional === a ? sh.test(read, "=", right) : sh.test(left, "=", read);
  }
  if (a.kind === "optional") return sh.and(isSet(a.name), compare);
  if (b.kind === "optional") return sh.and(isSet(b.name), compare);
  return compare;
}

/** `a && b`, `a || b`, `a ?? b` as values: the result is one of the operands, as in JS. */
function lowerLogicalValue(node: ts.BinaryExpression, ctx: LowerContext): Lowered {
  const type = valueType(node, ctx.facts);
  if (type?.kind === "boolean" && !type.optional) {
    return lowered({ kind: "boolean", cond: lowerCondition(node, ctx), effect: true });
  }
  // Every path ends in a `never` call (`x ?? die()` where x is known unset): effects only.
  if (type?.kind === "never" || type?.kind === "void") return lowered({ kind: "void" }, lowerEffect(node, ctx));
  // Always undefined (`u && "x"` where u is): the operands run as JS runs them, for their effects.
  if (type?.kind === "undefined") return lowered({ kind: "undefined" }, lowerEffect(node, ctx));
  if (!type || type.kind === "record") return ctx.failType(node);
  const op = node.operatorToken.kind;
  let left = ctx.expr(node.left);
  if (left.val.kind === "boolean" && left.val.effect) left = ctx.freeze(left);
  const right = ctx.expr(node.right);
  const temp = ctx.newTemp();
  const test =
    op === K.QuestionQuestionToken
      ? isDefined(left.val)
      : ctx.toCond(lowered(left.val)).cond;
  const takeRight = ctx.store(temp, right);
  // Where `??` or `||` keeps the left operand, it is known to be set.
  const keptLeft = left.val.kind === "optional" && op !== K.AmpersandAmpersandToken ? readVar(left.val.name, left.val.inner) : left.val;
  const takeLeft = ctx.store(temp, lowered(keptLeft));
  const pre = [
    ...left.pre,
    op === K.AmpersandAmpersandToken ? sh.ifThen([test], takeRight, takeLeft) : sh.ifThen([test], takeLeft, takeRight),
  ];
  return lowered(type.optional ? { kind: "optional", name: temp, inner: type.kind } : readVar(temp, type.kind), pre);
}

function lowerPrefixUnary(node: ts.PrefixUnaryExpression, ctx: LowerContext): Lowered {
  switch (node.operator) {
    case K.ExclamationToken:
      return lowered({ kind: "boolean", cond: lowerCondition(node, ctx), effect: true });
    case K.MinusToken: {
      const operand = ctx.expr(node.operand);
      const arith = toArith(operand, node.operand, ctx);
      if (arith.kind === "num") return lowered(numberVal(sh.num(-arith.value)), operand.pre);
      return lowered(numberVal({ kind: "unary", op: "-", operand: arith }), operand.pre);
    }
    case K.PlusToken: {
      const operand = ctx.expr(node.operand);
      toArith(operand, node.operand, ctx);
      return operand;
    }
    case K.TildeToken:
      return ctx.fail(diagnostics.bitwise(node, "~"));
    default:
      return ctx.fail(diagnostics.effectAsValue(node, `'${textOf(node)}'`));
  }
}

export const operatorVisitors: ExpressionVisitors = {
  [K.BinaryExpression]: (node, ctx) => lowerBinary(node as ts.BinaryExpression, ctx),
  [K.PrefixUnaryExpression]: (node, ctx) => lowerPrefixUnary(node as ts.PrefixUnaryExpression, ctx),
  [K.PostfixUnaryExpression]: (node, ctx) => ctx.fail(diagnostics.effectAsValue(node, `'${textOf(node)}'`)),
};
