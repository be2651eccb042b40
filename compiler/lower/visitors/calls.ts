import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import { sourceFileOf, textOf } from "../../ts/nodes.ts";
import type { Builtins } from "../builtins/builtin.ts";
import { consoleBuiltins } from "../builtins/console.ts";
import { conversionBuiltins } from "../builtins/conversions.ts";
import { mathBuiltins } from "../builtins/math.ts";
import { arrayBuiltins, stringBuiltins } from "../builtins/methods.ts";
import { intrinsics } from "../intrinsics/index.ts";
import type { LowerContext, ExpressionVisitors } from "../context/context.ts";
import { calleeFunction } from "./function-info.ts";
import { lowerUserCall } from "./functions.ts";
import type { Lowered } from "../context/values.ts";

const builtins: Builtins = {
  ...Object.fromEntries(Object.entries(intrinsics).map(([name, lower]) => [`intrinsic:${name}`, lower])),
  ...consoleBuiltins,
  ...mathBuiltins,
  ...conversionBuiltins,
  ...stringBuiltins,
  ...arrayBuiltins,
};

/**
 * The lib declaration a call resolves to, as a builtins key. Calls are recognised by the
 * declaration they resolve to, never by their spelling, so a user function named `log`
 * is just a user function.
 */
function builtinKey(call: ts.CallExpression, ctx: LowerContext): string | undefined {
  const decl = ctx.checker.getResolvedSignature(call)?.declaration;
  if (!decl) return undefined;
  if ((ctx.facts.isIntrinsicsFile(sourceFileOf(decl)) || ctx.facts.isVariantsFile(sourceFileOf(decl))) && ts.isFunctionDeclaration(decl) && decl.name) return `intrinsic:${decl.name.text}`;
  if (!ctx.facts.isLibFile(sourceFileOf(decl))) return undefined;
  const owner = decl.parent;
  if (ts.isMethodSignature(decl) && ts.isInterfaceDeclaration(owner)) return `${owner.name.text}.${textOf(decl.name)}`;
  if (ts.isCallSignatureDeclaration(decl) && ts.isInterfaceDeclaration(owner)) return `${owner.name.text}()`;
  if (ts.isFunctionDeclaration(decl) && decl.name) return decl.name.text;
  return undefined;
}

function lowerCall(call: ts.CallExpression, ctx: LowerContext): Lowered {
  if (call.questionDotToken) return ctx.fail(diagnostics.unsupportedSyntax(call, "Optional chaining"));
  const key = builtinKey(call, ctx);
  if (key) {
    const lower = builtins[key];
    if (!lower) return ctx.fail(diagnostics.unsupportedMember(call.expression, textOf(call.expression)));
    const receiver = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
    return lower(call, ctx, receiver);
  }
  const info = calleeFunction(call.expression, ctx);
  if (!info) return ctx.fail(diagnostics.unsupportedSyntax(call.expression, "Calling this expression"));
  return lowerUserCall(info, call, ctx);
}

export const callVisitors: ExpressionVisitors = {
  [ts.SyntaxKind.CallExpression]: (node, ctx) => lowerCall(node as ts.CallExpression, ctx),
};
