import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import type { Command } from "../../sh/ast.ts";
import { sourceFileOf } from "../../ts/nodes.ts";
import { classifyType, type ShType } from "../analyses/types.ts";
import { LoweringAbort, type FunctionInfo, type LowerContext, type ParamInfo, type Passing } from "../context/context.ts";

/**
 * The function a declaration defines, registered on first sight (calls may come first) and
 * queued for its body to be lowered once the program's top level is done, so a body can read
 * top-level bindings declared after it, as JS allows. A declaration that cannot be lowered is
 * reported once, however many calls name it.
 */
export function functionInfo(decl: ts.FunctionLikeDeclaration, ctx: LowerContext): FunctionInfo {
  const known = ctx.script.functionInfos.get(decl);
  if (known === "broken") throw new LoweringAbort();
  if (known) return known;
  let info: FunctionInfo;
  try {
    info = describeFunction(decl, ctx);
  } catch (error) {
    if (error instanceof LoweringAbort) ctx.script.functionInfos.set(decl, "broken");
    throw error;
  }
  ctx.script.functionInfos.set(decl, info);
  const symbol = declarationSymbol(decl, ctx);
  if (symbol) ctx.bindings.set(symbol, { kind: "function", info });
  ctx.script.pendingFunctions.push(info);
  return info;
}

function describeFunction(decl: ts.FunctionLikeDeclaration, ctx: LowerContext): FunctionInfo {
  if (decl.asteriskToken) ctx.fail(diagnostics.generators(decl));
  if (decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) ctx.fail(diagnostics.asyncCode(decl));
  const signature = ctx.checker.getSignatureFromDeclaration(decl)!;
  const returnType = classifyType(ctx.checker.getReturnTypeOfSignature(signature), ctx.checker);
  if (!returnType || (returnType.kind === "record" && returnType.fields.length === 0)) {
    ctx.failType(decl.name ?? decl, ctx.checker.getReturnTypeOfSignature(signature));
  }
  const params: ParamInfo[] = decl.parameters.map((p) => {
    if (!ts.isIdentifier(p.name)) ctx.fail(diagnostics.destructuring(p.name));
    const type = classifyType(ctx.checker.getTypeAtLocation(p), ctx.checker);
    if (!type || type.kind === "void" || type.kind === "never" || type.kind === "undefined") {
      return ctx.failType(p, ctx.checker.getTypeAtLocation(p));
    }
    if (p.dotDotDotToken) return { declaration: p, type, passing: "plain", rest: true };
    // A record travels as one argument per field: there is no word for "no record". A default
    // made of literals is the same record wherever it is made, so the caller passes it.
    if (type.kind === "record" && (p.questionToken || (p.initializer && !evaluatesAnywhere(p.initializer, decl, ctx)))) {
      ctx.fail(diagnostics.optionalRecordParameter(p));
    }
    const optional = !!p.questionToken || !!p.initializer || ("optional" in type && type.optional);
    return { declaration: p, type, passing: optional ? passingOf(type) : "plain" };
  });
  const name = decl.name && ts.isIdentifier(decl.name) ? decl.name.text : ts.isVariableDeclaration(decl.parent) && ts.isIdentifier(decl.parent.name) ? decl.parent.name.text : "fn";
  return { shName: ctx.script.names.function([...namespacesOf(decl), name].join("_")), node: decl, params, returnType: returnType! };
}

/**
 * An expression that gives the same value in the caller, just before the call, as in the
 * callee: no parameter of `fn` in it, no assignment, no call but to the lib's own (pure)
 * String, Array and Math methods.
 */
function evaluatesAnywhere(e: ts.Node, fn: ts.FunctionLikeDeclaration, ctx: LowerContext): boolean {
  if (ts.isIdentifier(e)) {
    const decl = ctx.symbolOf(e)?.valueDeclaration;
    return !(decl && ts.isParameter(decl) && decl.parent === fn);
  }
  if (ts.isFunctionLike(e)) return false;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  if (ts.isCallExpression(e)) {
    const decl = ctx.checker.getResolvedSignature(e)?.declaration;
    const owner = decl && ts.isInterfaceDeclaration(decl.parent) ? decl.parent.name.text : undefined;
    if (!decl || !ctx.facts.isLibFile(sourceFileOf(decl)) || !["String", "Array", "ReadonlyArray", "Math"].includes(owner ?? "")) return false;
  }
  if (ts.isPropertyAccessExpression(e)) return evaluatesAnywhere(e.expression, fn, ctx);
  return ts.forEachChild(e, (child) => (evaluatesAnywhere(child, fn, ctx) ? undefined : true)) !== true;
}

/** The namespaces a declaration sits in, outermost first: `mount.bind` is named `mount_bind`. */
function namespacesOf(node: ts.Node): string[] {
  const out: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isModuleDeclaration(p) && ts.isIdentifier(p.name)) out.unshift(p.name.text);
  }
  return out;
}

function declarationSymbol(decl: ts.FunctionLikeDeclaration, ctx: LowerContext): ts.Symbol | undefined {
  if (decl.name) return ctx.symbolOf(decl.name);
  if (ts.isVariableDeclaration(decl.parent)) return ctx.symbolOf(decl.parent.name);
  return undefined;
}

/** The function a callee expression names, if it is a user function. */
export function calleeFunction(callee: ts.Expression, ctx: LowerContext): FunctionInfo | undefined {
  const symbol = ctx.symbolOf(callee);
  if (!symbol) return undefined;
  const binding = ctx.bindings.get(symbol);
  if (binding?.kind === "function") return binding.info;
  // With overloads, the declaration that has a body is the one to lower.
  const decl = symbol.declarations?.find((d) => ts.isFunctionDeclaration(d) && d.body) ?? symbol.valueDeclaration;
  if (decl && ts.isFunctionDeclaration(decl)) return functionInfo(decl, ctx);
  if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isFunctionValue(decl.initializer)) {
    return functionInfo(decl.initializer, ctx);
  }
  return undefined;
}

export const isFunctionValue = (e: ts.Expression): e is ts.ArrowFunction | ts.FunctionExpression =>
  ts.isArrowFunction(e) || ts.isFunctionExpression(e);

/** A function declaration statement: its body is lowered later (see functionInfo). */
export function declareFunction(decl: ts.FunctionLikeDeclaration, ctx: LowerContext): Command[] {
  if (decl.body) functionInfo(decl, ctx); // an overload signature has no body of its own
  return [];
}

/** How a value of this type that may be undefined is passed: tagged only when its text can be empty. */
export const passingOf = (type: ShType): Passing => (type.kind === "string" ? "tagged" : "empty");
