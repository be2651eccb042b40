import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import type { ConfigValue } from "../../front/variants.ts";
import { skipParentheses, sourceFileOf } from "../../ts/nodes.ts";
import * as sh from "../../sh/ast.ts";
import type { Command } from "../../sh/ast.ts";
import { ARRAY_PLACEHOLDER } from "../../sh/registers.ts";
import type { LowerContext } from "../context/context.ts";
import type { ShType } from "../analyses/types.ts";
import { boolLiteral, lowered, numberVal, readVar, stringVal, type Lowered, type Val } from "../context/values.ts";

/**
 * Configuration values in the lowering. Two kinds:
 *
 * - The variant's configuration (`const config = variant<Config>()`). A source is lowered
 *   once for all its variants: each field read is a placeholder variable, a *slot*
 *   (`__cfg1` …) that is never assigned, and passes/specialize.ts puts each variant's values in
 *   before the passes fold the tests on them — so code a variant turns off, and every
 *   function and helper only it used, is not in that variant's script. An array is made
 *   where it is read (`variant()` types it read-only, so no one can tell).
 * - The constants that compute the variants (`const base = { … }`, `variants` itself): they
 *   ran when the script was compiled, and a read of them is the literal.
 */

/** Whether `e` is a call of `variant()` (by the declaration it resolves to). */
export function isVariantCall(e: ts.Expression, ctx: LowerContext): e is ts.CallExpression {
  const call = skipParentheses(e);
  if (!ts.isCallExpression(call)) return false;
  const decl = ctx.checker.getResolvedSignature(call)?.declaration;
  return !!decl && ts.isFunctionDeclaration(decl) && decl.name?.text === "variant" && ctx.facts.isVariantsFile(sourceFileOf(decl));
}

/** `const config = variant<Config>()` at the top level: the binding, and no commands. */
export function declareConfig(decl: ts.VariableDeclaration, symbol: ts.Symbol, ctx: LowerContext): Command[] {
  const topLevel = ts.isVariableStatement(decl.parent.parent) && ts.isSourceFile(decl.parent.parent.parent) && ctx.position.scope === undefined;
  if (!(decl.parent.flags & ts.NodeFlags.Const) || !topLevel || !ts.isIdentifier(decl.name)) {
    return ctx.fail(diagnostics.variantUse(decl, "read it once, at the top level: `const config = variant<Config>();`"));
  }
  ctx.bindings.set(symbol, { kind: "variant" });
  return [];
}

/**
 * Binds the constants that compute the variants to their values: their statements are not
 * lowered, and a read of them at boot is a constant.
 */
export function bindCompileTime(constants: ReadonlyMap<ts.VariableDeclaration, ConfigValue>, ctx: LowerContext): void {
  for (const [decl, value] of constants) {
    const symbol = ts.isIdentifier(decl.name) ? ctx.symbolOf(decl.name) : undefined;
    if (symbol) ctx.bindings.set(symbol, { kind: "config", value });
  }
}

/** `variant()` anywhere but `const config = variant<Config>()` at the top level. */
export function misplacedVariantCall(call: ts.CallExpression, ctx: LowerContext): Lowered {
  return ctx.fail(diagnostics.variantUse(call, "read it once, at the top level: `const config = variant<Config>();`"));
}

/** What an expression reads of the configuration: a constant's value, a path into the variant's, or nothing. */
export type ConfigRead = { constant: ConfigValue } | { path: readonly string[] } | undefined;

export function configRead(node: ts.Expression, ctx: LowerContext): ConfigRead {
  const e = skipParentheses(node);
  if (ts.isIdentifier(e)) {
    const symbol = ctx.symbolOf(e);
    const binding = symbol && ctx.bindings.get(symbol);
    if (binding?.kind === "config") return { constant: binding.value };
    return binding?.kind === "variant" ? { path: [] } : undefined;
  }
  if (!ts.isPropertyAccessExpression(e) || e.questionDotToken) return undefined;
  const owner = configRead(e.expression, ctx);
  if (owner === undefined) return undefined;
  if ("path" in owner) return { path: [...owner.path, e.name.text] };
  const value = owner.constant;
  if (Array.isArray(value)) return e.name.text === "length" ? { constant: value.length } : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  return { constant: (value as { readonly [field: string]: ConfigValue })[e.name.text] };
}

/** The value at `path` in a variant's configuration (`length` of an array included). */
export function valueAt(config: ConfigValue, path: readonly string[]): ConfigValue {
  let v: unknown = config;
  for (const field of path) v = v === undefined || v === null ? undefined : (v as Record<string, unknown>)[field];
  return v as ConfigValue;
}

/** The slot that stands for `path` of the variant's configuration (one per path). */
export function slotFor(path: readonly string[], ctx: LowerContext): string {
  const key = path.join("\u0000");
  let slot = ctx.script.configSlots.get(key);
  if (slot === undefined) {
    slot = { name: `__cfg${ctx.script.configSlots.size + 1}`, path };
    ctx.script.configSlots.set(key, slot);
    // A slot never changes: a read of it need not be frozen before later effects.
    ctx.script.temps.add(slot.name);
  }
  return slot.name;
}

/** A configuration read as a value: the literal of a constant, the slots of the variant's. */
export function lowerConfigRead(read: NonNullable<ConfigRead>, node: ts.Node, ctx: LowerContext): Lowered {
  if ("constant" in read) return lowerConstant(read.constant, node, ctx);
  const type = ctx.shTypeOf(node);
  if (!type) return ctx.failType(node);
  return slotsOf(read.path, type, node, ctx, false);
}

/** The variant's configuration at `path`, of sh type `type`, as slots. */
function slotsOf(path: readonly string[], type: ShType, node: ts.Node, ctx: LowerContext, nested: boolean): Lowered {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean": {
      const slot = slotFor(path, ctx);
      return lowered(type.optional ? { kind: "optional", name: slot, inner: type.kind } : readVar(slot, type.kind));
    }
    case "array": {
      if (type.optional) return ctx.failType(node);
      // passes/specialize.ts makes `__cfgarray SLOT` the variant's `__alist e1 e2 …`.
      ctx.useHelper("__alist");
      ctx.useHelper("__anew");
      const id = ctx.newTemp();
      return lowered({ kind: "array", word: sh.word(sh.param(id)) }, [sh.command(ARRAY_PLACEHOLDER, slotFor(path, ctx)), sh.assign(id, sh.word(sh.param("__r")))]);
    }
    case "record": {
      if (nested) return ctx.fail(diagnostics.nestedAggregate(node));
      const pre: Command[] = [];
      const fields = new Map<string, Val>();
      for (const field of type.fields) {
        const one = slotsOf([...path, field.name], field.type, node, ctx, true);
        pre.push(...one.pre);
        fields.set(field.name, one.val);
      }
      return lowered({ kind: "record", fields }, pre);
    }
    case "undefined":
      return lowered({ kind: "undefined" });
    default:
      return ctx.failType(node);
  }
}

/** A constant as the literal it is (an array is made where it is read). */
function lowerConstant(value: ConfigValue, node: ts.Node, ctx: LowerContext): Lowered {
  const pre: Command[] = [];
  const array = (elements: readonly ConfigValue[]): Val => {
    const id = ctx.newTemp();
    const words = elements.map((e) => sh.word(String(e)));
    pre.push(sh.command(ctx.useHelper(words.length > 0 ? "__alist" : "__anew"), ...words), sh.assign(id, sh.word(sh.param("__r"))));
    return { kind: "array", word: sh.word(sh.param(id)) };
  };
  const val = (v: ConfigValue, nested: boolean): Val => {
    if (typeof v === "string") return stringVal(sh.word(v));
    if (typeof v === "number") return numberVal(sh.num(v));
    if (typeof v === "boolean") return boolLiteral(v);
    if (v === undefined) return { kind: "undefined" };
    if (Array.isArray(v)) return array(v as readonly ConfigValue[]);
    if (nested) return ctx.fail(diagnostics.nestedAggregate(node));
    return { kind: "record", fields: new Map(Object.entries(v as object).map(([k, f]) => [k, val(f as ConfigValue, true)])) };
  };
  return lowered(val(value, false), pre);
}
