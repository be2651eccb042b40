import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Command } from "../../sh/ast.ts";
import { textOf, callSignatures } from "../../ts/nodes.ts";
import { type Binding, LowerContext, LoweringAbort } from "../context/context.ts";
import { type Lowered, literalText } from "../context/values.ts";
import { assignedByOtherFunctions } from "../analyses/writes.ts";
import { classifyType } from "../analyses/types.ts";
import { declareConfig, isVariantCall } from "./config.ts";
import { declareFunction, isFunctionValue } from "./function-info.ts";
import { joinedSeparator } from "../analyses/joined-arrays.ts";
import { splitByLiteral, splitTextSeparator } from "../analyses/split-arrays.ts";
import { storeRecord } from "./assignments.ts";
import { storeStaticArray } from "./fixed-arrays.ts";
import { unstoredArray } from "../analyses/fixed-arrays.ts";

/** Variable declarations: `const`/`let` in the program, and the boot library's module state. */

export function lowerVariableStatement(node: ts.VariableStatement, ctx: LowerContext): Command[] {
  return lowerDeclarationList(node.declarationList, ctx);
}

export function lowerDeclarationList(list: ts.VariableDeclarationList, ctx: LowerContext): Command[] {
  if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) ctx.fail(diagnostics.varDeclaration(list));
  return list.declarations.flatMap((decl) => lowerDeclaration(decl, ctx));
}

/** A module-level `const`/`let` of the boot library, lowered when first used. */
export function lowerModuleVariable(decl: ts.VariableDeclaration, ctx: LowerContext): Command[] {
  if (!(decl.parent.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) return ctx.fail(diagnostics.varDeclaration(decl.parent));
  return lowerDeclaration(decl, ctx);
}

function lowerDeclaration(decl: ts.VariableDeclaration, ctx: LowerContext): Command[] {
  try {
    return lowerDeclarationOnce(decl, ctx);
  } catch (error) {
    // Uses of a declaration that failed are not reported again.
    const symbol = ts.isIdentifier(decl.name) ? ctx.symbolOf(decl.name) : undefined;
    if (error instanceof LoweringAbort && symbol && !ctx.bindings.has(symbol)) ctx.bindings.set(symbol, { kind: "broken" });
    throw error;
  }
}

function lowerDeclarationOnce(decl: ts.VariableDeclaration, ctx: LowerContext): Command[] {
  if (!ts.isIdentifier(decl.name)) return ctx.fail(diagnostics.destructuring(decl.name));
  if (decl.initializer && isFunctionValue(decl.initializer)) {
    if (!(decl.parent.flags & ts.NodeFlags.Const)) ctx.fail(diagnostics.functionValue(decl.initializer));
    return declareFunction(decl.initializer, ctx);
  }
  const symbol = ctx.symbolOf(decl.name)!;
  if (decl.initializer && isVariantCall(decl.initializer, ctx)) return declareConfig(decl, symbol, ctx);
  const declared = ctx.checker.getTypeOfSymbol(symbol);
  if (callSignatures(declared, ctx.checker).length > 0) return ctx.fail(diagnostics.functionValue(decl.initializer ?? decl.name));
  const type = classifyType(declared, ctx.checker);
  if (!type || type.kind === "void" || type.kind === "never" || type.kind === "undefined") {
    return ctx.failType(decl.name, declared);
  }
  const origin = ctx.origin(decl);
  if (type.kind === "record") {
    const fields = new Map(type.fields.map((f) => [f.name, { name: ctx.newVariable(`${textOf(decl.name)}_${f.name}`), type: f.type }]));
    const binding: Binding = { kind: "record", fields, scope: ctx.position.scope };
    ctx.bindings.set(symbol, binding);
    return decl.initializer ? storeRecord(binding, ctx.expr(decl.initializer), ctx) : [];
  }
  // A read-only array of literals that is only walked and measured is not stored: its elements
  // are still lowered, for their diagnostics.
  if (type.kind === "array" && unstoredArray(decl, ctx.facts)) {
    ctx.expr(decl.initializer!);
    return [];
  }
  const separator = type.kind === "array" ? joinedSeparator(decl, ctx.facts) : undefined;
  if (separator !== undefined) {
    const name = ctx.newVariable(decl.name.text);
    ctx.bindings.set(symbol, { kind: "joined", name, separator });
    return [sh.assign(name, sh.word(), origin)];
  }
  const splitBy = type.kind === "array" ? splitTextSeparator(decl.name, ctx.facts) : undefined;
  if (splitBy !== undefined) {
    const name = ctx.newVariable(decl.name.text);
    ctx.bindings.set(symbol, { kind: "split", name, separator: splitBy });
    const text = splitByLiteral(decl.initializer!, ctx.facts)!.text;
    return ctx.store(name, ctx.expr(text), origin);
  }
  const stored = type.kind === "array" ? storeStaticArray(decl, ctx) : undefined;
  if (stored) return stored;
  const value = decl.initializer ? ctx.expr(decl.initializer) : undefined;
  // `const TIMEOUT = 10`: reads become the literal, and no variable is made.
  if (value && decl.parent.flags & ts.NodeFlags.Const && "optional" in type && !type.optional && isLiteral(value)) {
    ctx.bindings.set(symbol, { kind: "constant", val: value.val });
    return [];
  }
  const name = ctx.newVariable(decl.name.text);
  ctx.bindings.set(symbol, { kind: "var", name, type, scope: ctx.position.scope, shared: assignedByOtherFunctions(symbol, ctx.facts) });
  if (value) return ctx.store(name, value, origin);
  // A fresh `let` is undefined, even on a loop's second pass or in a recursive call.
  return "optional" in type && type.optional ? [sh.command("unset", name)] : [];
}

/** A value known at compile time: literal text, a number literal, true or false. */
const isLiteral = (l: Lowered): boolean => l.pre.length === 0 && literalText(l.val) !== undefined;

