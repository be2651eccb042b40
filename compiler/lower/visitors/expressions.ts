import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import { textOf } from "../../ts/nodes.ts";
import { LoweringAbort, type LowerContext, type ExpressionVisitors } from "../context/context.ts";
import { indexInBounds } from "../analyses/bounded-index.ts";
import { fixedArrayLength } from "../analyses/fixed-arrays.ts";
import { lowerEffect } from "./assignments.ts";
import { lowered, numberVal, readVar, stringVal, boolLiteral, type Lowered, type Val } from "../context/values.ts";
import { testedByNullish, valueType } from "../analyses/writes.ts";
import { configRead, lowerConfigRead } from "./config.ts";
import { buildArray } from "./array-literals.ts";

/** Literals, names, templates, property and element reads, object and array literals. */

const INT32_MAX = 2147483647;

function lowerNumericLiteral(node: ts.NumericLiteral, ctx: LowerContext): Lowered {
  const value = Number(node.text);
  const text = textOf(node);
  const decimal = !/^0[xXoObB]/.test(text);
  if (!Number.isInteger(value) || (decimal && /[.eE]/.test(text))) ctx.fail(diagnostics.nonInteger(node, text));
  if (Math.abs(value) > INT32_MAX) ctx.fail(diagnostics.numberRange(node, text));
  return lowered(numberVal(sh.num(value)));
}

function lowerIdentifier(node: ts.Identifier, ctx: LowerContext, symbol = ctx.symbolOf(node)): Lowered {
  const binding = symbol && ctx.bindingOf(symbol);
  if (!binding) {
    if (node.text === "undefined") return lowered({ kind: "undefined" });
    return ctx.fail(diagnostics.unsupportedMember(node, node.text));
  }
  if (binding.kind === "broken") throw new LoweringAbort();
  if (binding.kind === "function") return ctx.fail(diagnostics.functionValue(node));
  if (binding.kind === "constant") return lowered(binding.val);
  if (binding.kind === "config" || binding.kind === "variant") return lowerConfigRead(configRead(node, ctx)!, node, ctx);
  if (binding.kind === "joined" || binding.kind === "split") throw new Error(`internal: ${binding.kind} array read as a value`);
  if (binding.scope && binding.scope !== ctx.position.scope) ctx.fail(diagnostics.capturedLocal(node, node.text));
  return lowered(ctx.readBinding(binding, node));
}

/** `${…}` pieces joined into one word, evaluated left to right. */
function lowerTemplate(node: ts.TemplateExpression, ctx: LowerContext): Lowered {
  const spans = node.templateSpans.map((span) => {
    const value = ctx.expr(span.expression);
    const text = ctx.toWord(value, span.expression);
    return lowered(stringVal(text.word), text.pre);
  });
  const { pre, vals } = ctx.sequence(spans);
  const parts: (sh.WordPart | string)[] = [node.head.text];
  node.templateSpans.forEach((span, i) => {
    parts.push(...(vals[i] as { word: sh.Word }).word.parts, span.literal.text);
  });
  return lowered(stringVal(sh.word(...parts)), pre);
}

function lowerPropertyAccess(node: ts.PropertyAccessExpression, ctx: LowerContext): Lowered {
  if (node.questionDotToken) return ctx.fail(diagnostics.unsupportedSyntax(node, "Optional chaining"));
  const config = configRead(node, ctx);
  if (config) return lowerConfigRead(config, node, ctx);
  const name = node.name.text;
  const receiver = ts.isIdentifier(node.expression) ? ctx.symbolOf(node.expression) : undefined;
  if (receiver && ctx.bindingOf(receiver)?.kind === "broken") throw new LoweringAbort();
  const objectType = ctx.shTypeOf(node.expression);
  if (name === "length" && objectType?.kind === "string") return stringLength(ctx.expr(node.expression), ctx);
  if (name === "length" && objectType?.kind === "array") {
    const fixed = fixedArrayLength(node.expression, ctx.facts);
    if (fixed !== undefined) return lowered(numberVal(sh.num(fixed)));
    const array = ctx.expr(node.expression);
    return withPre(ctx.callHelper("__alen", [(array.val as { word: sh.Word }).word], "number"), array.pre);
  }
  if (objectType?.kind === "record") {
    const symbol = ctx.symbolOf(node.expression);
    const binding = symbol && ctx.bindingOf(symbol);
    if (binding?.kind === "broken") throw new LoweringAbort();
    if (binding?.kind === "record") {
      if (binding.scope && binding.scope !== ctx.position.scope) ctx.fail(diagnostics.capturedLocal(node.expression, textOf(node.expression)));
      const field = binding.fields.get(name)!;
      const here = ctx.shTypeOf(node);
      const trusted = here?.kind === "undefined" && !testedByNullish(node, ctx.facts);
      if (trusted) return lowered({ kind: "undefined" });
      // Typed `undefined` but not trusted (see LowerContext.readBinding): read as optional.
      const optional = field.type.optional && (!here || here.kind === "undefined" || here.kind === "never" || ("optional" in here && here.optional));
      return lowered(optional ? { kind: "optional", name: field.name, inner: field.type.kind } : readVar(field.name, field.type.kind));
    }
    const record = ctx.expr(node.expression);
    if (record.val.kind !== "record") throw new Error("internal: record expression without record value");
    return lowered(record.val.fields.get(name) ?? { kind: "undefined" }, record.pre);
  }
  return ctx.fail(diagnostics.unsupportedMember(node, textOf(node)));
}

/** `${#s}` needs a variable name: anything else is stored in a temporary first. */
export function stringLength(value: Lowered, ctx: LowerContext): Lowered {
  let l = value;
  const parts = l.val.kind === "string" ? l.val.word.parts : [];
  const single = parts.length === 1 && parts[0]!.kind === "param" && !parts[0]!.op ? parts[0]!.name : undefined;
  if (l.val.kind === "string" && parts.every((p) => p.kind === "lit")) {
    return lowered(numberVal(sh.num(parts.map((p) => (p as sh.Lit).text).join("").length)), l.pre);
  }
  let name = single;
  if (!name) {
    l = ctx.freeze(l);
    name = ((l.val as { word: sh.Word }).word.parts[0] as sh.Param).name;
  }
  return lowered(numberVal({ kind: "expansion", part: sh.param(name, { kind: "length" }) }), l.pre);
}

function withPre(l: Lowered, pre: sh.Command[]): Lowered {
  return lowered(l.val, [...pre, ...l.pre]);
}

function lowerElementAccess(node: ts.ElementAccessExpression, ctx: LowerContext): Lowered {
  if (node.questionDotToken) return ctx.fail(diagnostics.unsupportedSyntax(node, "Optional chaining"));
  const objectType = ctx.shTypeOf(node.expression);
  if (objectType?.kind !== "array") return ctx.fail(diagnostics.computedName(node.argumentExpression));
  const array = ctx.expr(node.expression);
  const index = ctx.expr(node.argumentExpression);
  const indexWord = ctx.toWord(index, node.argumentExpression);
  const { pre, vals } = ctx.sequence([array, lowered(stringVal(indexWord.word), indexWord.pre)]);
  const operands = [(vals[0] as { word: sh.Word }).word, (vals[1] as { word: sh.Word }).word];
  // `xs[i]` in `for (let i = 0; i < xs.length; i++)`: always an element, never undefined.
  if (indexInBounds(node, ctx.facts)) return lowered(readVar("__r", objectType.element), [...pre, sh.command(ctx.useHelper("__aat"), ...operands)]);
  const got = ctx.callHelper("__aget", operands, "optional-string");
  const here = ctx.shTypeOf(node);
  const val: Val =
    here && "optional" in here && !here.optional
      ? readVar("__r", objectType.element)
      : { kind: "optional", name: "__r", inner: objectType.element };
  return lowered(val, [...pre, ...got.pre]);
}

function lowerObjectLiteral(node: ts.ObjectLiteralExpression, ctx: LowerContext): Lowered {
  const names: string[] = [];
  const values: Lowered[] = [];
  for (const prop of node.properties) {
    if (ts.isSpreadAssignment(prop)) ctx.fail(diagnostics.spread(prop));
    if (prop.name && ts.isComputedPropertyName(prop.name)) ctx.fail(diagnostics.computedName(prop.name));
    if (ts.isPropertyAssignment(prop)) {
      names.push(propertyName(prop.name, ctx));
      values.push(ctx.expr(prop.initializer));
    } else if (ts.isShorthandPropertyAssignment(prop)) {
      names.push(prop.name.text);
      values.push(lowerIdentifier(prop.name, ctx, ctx.checker.getShorthandAssignmentValueSymbol(prop)));
    } else {
      ctx.fail(diagnostics.unsupportedSyntax(prop, "A method or accessor in an object literal"));
    }
  }
  for (const [i, v] of values.entries()) {
    if (v.val.kind === "record") ctx.fail(diagnostics.nestedAggregate(node.properties[i]!));
  }
  const { pre, vals } = ctx.sequence(values);
  return lowered({ kind: "record", fields: new Map(names.map((n, i) => [n, vals[i]!])) }, pre);
}

function propertyName(name: ts.PropertyName, ctx: LowerContext): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return ctx.fail(diagnostics.computedName(name));
}

function lowerArrayLiteral(node: ts.ArrayLiteralExpression, ctx: LowerContext): Lowered {
  return buildArray(node.elements, ctx);
}

/** `e!`, `e as T`: where the assertion removes `undefined`, the value is read as set. */
function asserted(node: ts.Expression, inner: ts.Expression, ctx: LowerContext): Lowered {
  const value = ctx.expr(inner);
  const here = ctx.shTypeOf(node);
  if (value.val.kind === "optional" && here && "optional" in here && !here.optional) {
    return lowered(readVar(value.val.name, value.val.inner), value.pre);
  }
  return value;
}

function lowerConditional(node: ts.ConditionalExpression, ctx: LowerContext): Lowered {
  const type = valueType(node, ctx.facts);
  if (type?.kind === "never" || type?.kind === "void") return lowered({ kind: "void" }, lowerEffect(node, ctx));
  if (!type || type.kind === "record") return ctx.failType(node);
  const test = ctx.toCond(ctx.expr(node.condition));
  const whenTrue = ctx.expr(node.whenTrue);
  const whenFalse = ctx.expr(node.whenFalse);
  if (type.kind === "undefined") return lowered({ kind: "undefined" }, [...test.pre, sh.ifThen([test.cond], whenTrue.pre, whenFalse.pre)]);
  const temp = ctx.newTemp();
  const pre = [...test.pre, sh.ifThen([test.cond], ctx.store(temp, whenTrue), ctx.store(temp, whenFalse))];
  return lowered(type.optional ? { kind: "optional", name: temp, inner: type.kind } : readVar(temp, type.kind), pre);
}

export const expressionVisitors: ExpressionVisitors = {
  [ts.SyntaxKind.StringLiteral]: (node) => lowered(stringVal(sh.word((node as ts.StringLiteral).text))),
  [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: (node) => lowered(stringVal(sh.word((node as ts.NoSubstitutionTemplateLiteral).text))),
  [ts.SyntaxKind.NumericLiteral]: (node, ctx) => lowerNumericLiteral(node as ts.NumericLiteral, ctx),
  [ts.SyntaxKind.TrueKeyword]: () => lowered(boolLiteral(true)),
  [ts.SyntaxKind.FalseKeyword]: () => lowered(boolLiteral(false)),
  [ts.SyntaxKind.Identifier]: (node, ctx) => lowerIdentifier(node as ts.Identifier, ctx),
  [ts.SyntaxKind.TemplateExpression]: (node, ctx) => lowerTemplate(node as ts.TemplateExpression, ctx),
  [ts.SyntaxKind.ParenthesizedExpression]: (node, ctx) => ctx.expr((node as ts.ParenthesizedExpression).expression),
  [ts.SyntaxKind.AsExpression]: (node, ctx) => asserted(node, (node as ts.AsExpression).expression, ctx),
  [ts.SyntaxKind.SatisfiesExpression]: (node, ctx) => ctx.expr((node as ts.SatisfiesExpression).expression),
  [ts.SyntaxKind.NonNullExpression]: (node, ctx) => asserted(node, (node as ts.NonNullExpression).expression, ctx),
  [ts.SyntaxKind.TypeAssertionExpression]: (node, ctx) => asserted(node, (node as ts.TypeAssertion).expression, ctx),
  [ts.SyntaxKind.PropertyAccessExpression]: (node, ctx) => lowerPropertyAccess(node as ts.PropertyAccessExpression, ctx),
  [ts.SyntaxKind.ElementAccessExpression]: (node, ctx) => lowerElementAccess(node as ts.ElementAccessExpression, ctx),
  [ts.SyntaxKind.ObjectLiteralExpression]: (node, ctx) => lowerObjectLiteral(node as ts.ObjectLiteralExpression, ctx),
  [ts.SyntaxKind.ArrayLiteralExpression]: (node, ctx) => lowerArrayLiteral(node as ts.ArrayLiteralExpression, ctx),
  [ts.SyntaxKind.ConditionalExpression]: (node, ctx) => lowerConditional(node as ts.ConditionalExpression, ctx),
};
