import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { LowerContext } from "../context/context.ts";
import { lowered, stringVal, type Lowered } from "../context/values.ts";

/**
 * A new array of `elements`, each pushed right after it is computed: its value may sit in
 * the register `__r`, which the next helper call overwrites. (The array itself is not
 * observable until it is complete, so creating it first changes nothing.) `...xs` appends
 * every element of an array. Also builds the array a rest parameter receives.
 */
export function buildArray(elements: readonly ts.Expression[], ctx: LowerContext): Lowered {
  if (!elements.some((e) => ts.isSpreadElement(e) || ts.isOmittedExpression(e))) return newArrayOf(elements, ctx);
  const id = ctx.newTemp();
  const commands: sh.Command[] = [sh.command(ctx.useHelper("__anew")), sh.assign(id, sh.word(sh.param("__r")))];
  for (const e of elements) {
    if (ts.isOmittedExpression(e)) ctx.fail(diagnostics.unsupportedSyntax(e, "An array hole"));
    if (ts.isSpreadElement(e)) {
      const source = ctx.expr(e.expression);
      if (source.val.kind !== "array") return ctx.fail(diagnostics.spread(e));
      commands.push(...source.pre, sh.command(ctx.useHelper("__aappend"), sh.word(sh.param(id)), source.val.word));
      continue;
    }
    const value = ctx.expr(e);
    if (value.val.kind === "array" || value.val.kind === "record" || value.val.kind === "undefined" || value.val.kind === "optional") {
      ctx.fail(diagnostics.nestedAggregate(e));
    }
    const text = ctx.toWord(value, e);
    commands.push(...text.pre, sh.command(ctx.useHelper("__apush"), sh.word(sh.param(id)), text.word));
  }
  return lowered({ kind: "array", word: sh.word(sh.param(id)) }, commands);
}

/** `[a, b, c]`: every element computed, left to right, then one `__alist a b c`. */
function newArrayOf(elements: readonly ts.Expression[], ctx: LowerContext): Lowered {
  const items = elements.map((e) => {
    const value = ctx.expr(e);
    if (value.val.kind === "array" || value.val.kind === "record" || value.val.kind === "undefined" || value.val.kind === "optional") {
      ctx.fail(diagnostics.nestedAggregate(e));
    }
    const text = ctx.toWord(value, e);
    return lowered(stringVal(text.word), text.pre);
  });
  const { pre, vals } = ctx.sequence(items);
  const id = ctx.newTemp();
  const create = sh.command(ctx.useHelper(vals.length > 0 ? "__alist" : "__anew"), ...vals.map((v) => (v as { word: sh.Word }).word));
  return lowered({ kind: "array", word: sh.word(sh.param(id)) }, [...pre, create, sh.assign(id, sh.word(sh.param("__r")))]);
}

