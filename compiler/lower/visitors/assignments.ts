import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Command } from "../../sh/ast.ts";
import { skipParentheses, textOf } from "../../ts/nodes.ts";
import { type Binding, LowerContext, LoweringAbort } from "../context/context.ts";
import { type Lowered, type Val, dependsOnState, lowered, numberVal, readVar, stringVal } from "../context/values.ts";
import { divisorCheck } from "./pid1.ts";
import { isScalar } from "../analyses/types.ts";
import { isUndefined, lowerCondition, toArith } from "./conditions.ts";
import { recordWritable } from "../analyses/records.ts";

/** Expressions evaluated for their effects: assignments, calls whose result is unused, `a || b` as a statement. */

const K = ts.SyntaxKind;

/** Compound assignments and increments are statements (see lowerEffect), never values. */
export const assignmentOps: Partial<Record<ts.SyntaxKind, sh.ArithOp | "=" | "+">> = {
  [K.EqualsToken]: "=",
  [K.PlusEqualsToken]: "+",
  [K.MinusEqualsToken]: "-",
  [K.AsteriskEqualsToken]: "*",
  [K.PercentEqualsToken]: "%",
};

/**
 * A write to a field of the record `target` names: sh keeps a record as one variable per
 * field, so only a record no one else can see may be written (analyses/records.ts).
 */
function checkRecordWrite(target: ts.Identifier, ctx: LowerContext): void {
  const symbol = ctx.symbolOf(target);
  if (symbol && !recordWritable(symbol, ctx.facts)) ctx.fail(diagnostics.aliasedRecordWrite(target, target.text));
}

/** `x = e`, `x += e`, `p.f = e`, `x++` …: statements only. */
function lowerAssignment(target: ts.Expression, op: ts.SyntaxKind, value: ts.Expression | undefined, node: ts.Node, ctx: LowerContext): Command[] {
  const stripped = ts.isParenthesizedExpression(target) ? target.expression : target;
  if (ts.isElementAccessExpression(stripped)) return ctx.fail(diagnostics.elementAssignment(stripped));
  const { name, type, binding } = assignmentTarget(stripped, ctx);
  if (binding?.kind === "record") {
    if (op !== K.EqualsToken) return ctx.fail(diagnostics.unsupportedSyntax(node, "Compound assignment to a record"));
    return storeRecord(binding, ctx.expr(value!), ctx);
  }
  const origin = ctx.origin(node);
  const current = (): Lowered => lowered(ctx.readBinding({ kind: "var", name: name!, type: type!, scope: undefined }, stripped));
  if (op === K.EqualsToken) return ctx.store(name!, ctx.expr(value!), origin);
  if (op === K.PlusPlusToken || op === K.MinusMinusToken) {
    return [sh.assign(name!, sh.word(sh.arithPart(sh.binary(op === K.PlusPlusToken ? "+" : "-", sh.arithVar(name!), sh.num(1)))), origin)];
  }
  const arithOp = assignmentOps[op];
  if (!arithOp || arithOp === "=") return ctx.fail(diagnostics.unsupportedSyntax(node, `The operator '${ts.tokenToString(op)}'`));
  if (type?.kind === "string") {
    const right = ctx.toWord(ctx.expr(value!), value!);
    const { pre, vals } = ctx.sequence([current(), lowered(stringVal(right.word), right.pre)]);
    const left = (vals[0] as { word: sh.Word }).word;
    return [...pre, sh.assign(name!, sh.word(...left.parts, ...(vals[1] as { word: sh.Word }).word.parts), origin)];
  }
  const right = ctx.expr(value!);
  const { pre, vals } = ctx.sequence([current(), right]);
  const divisor = toArith(lowered(vals[1]!), value!, ctx);
  const arith = sh.binary(arithOp === "+" ? "+" : arithOp, toArith(lowered(vals[0]!), stripped, ctx), divisor);
  const checked = arithOp === "%" ? [...pre, ...divisorCheck(divisor, node, ctx)] : pre;
  return ctx.store(name!, lowered(numberVal(arith), checked), origin);
}

function assignmentTarget(target: ts.Expression, ctx: LowerContext) {
  if (ts.isPropertyAccessExpression(target)) {
    const symbol = ctx.symbolOf(target.expression);
    const binding = symbol && ctx.bindingOf(symbol);
    if (binding?.kind === "broken") throw new LoweringAbort();
    if (binding?.kind !== "record") return ctx.fail(diagnostics.unsupportedSyntax(target, "Assigning to this property"));
    checkRecordWrite(target.expression as ts.Identifier, ctx);
    if (binding.scope && binding.scope !== ctx.position.scope) ctx.fail(diagnostics.capturedLocal(target, textOf(target.expression)));
    const field = binding.fields.get(target.name.text)!;
    return { name: field.name, type: field.type, binding: undefined };
  }
  const symbol = ctx.symbolOf(target);
  const binding = symbol && ctx.bindingOf(symbol);
  if (binding?.kind === "broken") throw new LoweringAbort();
  if (!binding || binding.kind === "function" || binding.kind === "constant" || binding.kind === "joined" || binding.kind === "split" || binding.kind === "config" || binding.kind === "variant") {
    return ctx.fail(diagnostics.unsupportedSyntax(target, "Assigning to this"));
  }
  if (binding.scope && binding.scope !== ctx.position.scope) ctx.fail(diagnostics.capturedLocal(target, textOf(target)));
  if (binding.kind === "record") return { name: undefined, type: undefined, binding };
  return { name: binding.name, type: binding.type, binding: undefined };
}

/** An expression evaluated for its effects: a statement, or a `for` loop's init and update. */
export function lowerEffect(e: ts.Expression, ctx: LowerContext, ignoreResult = false): Command[] {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.CommaToken) {
    return [...lowerEffect(e.left, ctx), ...lowerEffect(e.right, ctx)];
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind in assignmentOps)) {
    return lowerAssignment(e.left, e.operatorToken.kind, e.right, e, ctx);
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind in logicalAssignments) {
    // `a ||= b` is `a || (a = b)`: the target is read once, assigned only when JS would.
    const op = logicalAssignments[e.operatorToken.kind]!;
    const target = assignmentTarget(skipParentheses(e.left), ctx);
    if (target.binding || !target.type || !isScalar(target.type)) return ctx.fail(diagnostics.unsupportedSyntax(e, "A logical assignment to a record or array"));
    // The declared type, not the narrowed one: the test must look at the value at run time.
    const current = lowered<Val>(target.type.optional ? { kind: "optional", name: target.name!, inner: target.type.kind } : readVar(target.name!, target.type.kind));
    const assign = lowerAssignment(e.left, K.EqualsToken, e.right, e, ctx);
    if (op === K.QuestionQuestionToken) {
      return [sh.ifThen([isUndefined(current.val)], assign)];
    }
    const { cond } = ctx.toCond(current);
    return [sh.ifThen([op === K.AmpersandAmpersandToken ? cond : sh.not(cond)], assign)];
  }
  if ((ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)) {
    return lowerAssignment(e.operand, e.operator, undefined, e, ctx);
  }
  const stripped = skipParentheses(e);
  if (ts.isVoidExpression(stripped) && ts.isCallExpression(skipParentheses(stripped.expression))) {
    return lowerEffect(stripped.expression, ctx, true); // `void run(…)`: the result is ignored on purpose
  }
  if (!ignoreResult && ts.isCallExpression(stripped)) checkResultUsed(stripped, ctx);
  if (ts.isBinaryExpression(stripped) && isLogical(stripped.operatorToken.kind)) return lowerLogicalEffect(stripped, ctx);
  if (ts.isConditionalExpression(stripped)) {
    const test = lowerCondition(stripped.condition, ctx);
    return [sh.ifThen([test], lowerEffect(stripped.whenTrue, ctx), lowerEffect(stripped.whenFalse, ctx))];
  }
  const value = ctx.expr(e);
  // A value computed for nothing still runs its effects; a boolean call runs as a command.
  if (value.val.kind === "boolean" && value.val.effect) return [...value.pre, value.val.cond];
  return value.pre;
}

const logicalAssignments: Partial<Record<ts.SyntaxKind, ts.BinaryOperator>> = {
  [K.BarBarEqualsToken]: K.BarBarToken,
  [K.AmpersandAmpersandEqualsToken]: K.AmpersandAmpersandToken,
  [K.QuestionQuestionEqualsToken]: K.QuestionQuestionToken,
};

/**
 * A call to a function tagged `@fallible` (mount, run, cryptsetup.open …) whose result nobody
 * looks at: the failure would pass unnoticed, so it is an error.
 */
function checkResultUsed(call: ts.CallExpression, ctx: LowerContext): void {
  const declarations = ctx.symbolOf(call.expression)?.declarations ?? [];
  if (!declarations.some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "fallible"))) return;
  ctx.fail(diagnostics.fallibleIgnored(call, textOf(call.expression)));
}

const isLogical = (op: ts.SyntaxKind) => op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken;

/**
 * `a || b`, `a && b`, `a ?? b` whose value nobody reads: the right side runs for its effects
 * when JS would run it. This is the "or else" idiom: `mount(…) || rescueShell("…")`.
 */
function lowerLogicalEffect(e: ts.BinaryExpression, ctx: LowerContext): Command[] {
  const op = e.operatorToken.kind;
  let test: Command;
  if (op === K.QuestionQuestionToken) {
    const left = ctx.expr(e.left);
    const unset = isUndefined(left.val);
    test = left.pre.length > 0 ? sh.group([...left.pre, unset]) : unset;
  } else {
    const cond = lowerCondition(e.left, ctx);
    test = op === K.AmpersandAmpersandToken ? cond : sh.not(cond);
  }
  const body = lowerEffect(e.right, ctx);
  if (body.length === 0) return [test];
  if (body.length === 1 && op !== K.QuestionQuestionToken) {
    return [op === K.AmpersandAmpersandToken ? sh.and(test, body[0]!) : sh.or(sh.not(test), body[0]!)];
  }
  return [sh.ifThen([test], body)];
}


export function storeRecord(binding: Extract<Binding, { kind: "record" }>, value: Lowered, ctx: LowerContext): Command[] {
  if (value.val.kind !== "record") throw new Error("internal: record store without record value");
  const fields = value.val.fields;
  // Read every source field before writing any target field: `p = { a: p.b, b: p.a }`.
  // Only the fields the target has are read (a record may be narrowed to fewer fields).
  const wanted: Val = { kind: "record", fields: new Map([...fields].filter(([name]) => binding.fields.has(name))) };
  const frozen = dependsOnState(wanted, ctx.script.temps) ? ctx.freeze(lowered(wanted)) : lowered(wanted);
  const source = (frozen.val as { fields: typeof fields }).fields;
  return [
    ...value.pre,
    ...frozen.pre,
    ...[...binding.fields].flatMap(([field, f]) => ctx.store(f.name, lowered(source.get(field) ?? { kind: "undefined" }))),
  ];
}

