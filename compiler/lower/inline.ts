import { ts } from "ts-morph";
import * as sh from "../sh/ast.ts";
import type { Command } from "../sh/ast.ts";
import type { FunctionInfo, LowerContext } from "./context.ts";
import { usesIn } from "./uses.ts";
import { literalText, lowered, type Lowered } from "./values.ts";
import { assignmentsTo, enclosingFunction } from "./writes.ts";
import { keptArgument, keptParameterSeparator, splitTextArray } from "./split-arrays.ts";
import { functionName, isExported, skipParentheses, sourceFileOf, withParentheses } from "../ts/nodes.ts";

/**
 * Record makers called from one place only — a function whose body is one `return { … }` —
 * are written at that place: the parameters become variables set from the arguments (a
 * literal argument is read as the literal), and the record literal is the call's value, stored
 * straight into the caller's record. No sh function, no result register per field, no copy
 * out of each. (A function with a scalar result keeps its definition: its name documents the
 * script, and its result costs one register read.)
 *
 * JS semantics are kept: the arguments are evaluated in order before the record's fields, a
 * default applies where the argument is missing or undefined, and the fields see the
 * parameters as the function would.
 * Only when the call is the only use of the function (so the function is never a value, and
 * never recursive), the function is the program's own (not the boot library's) and not nested
 * in another, and no parameter is assigned.
 */

const cache = new WeakMap<FunctionInfo, ts.Expression | null>();

/** The returned expression of a function every call of which is written in place, else undefined. */
export function inlinedBody(info: FunctionInfo, ctx: LowerContext): ts.Expression | undefined {
  const known = cache.get(info);
  if (known !== undefined) return known ?? undefined;
  const body = findInlinedBody(info, ctx);
  cache.set(info, body ?? null);
  return body;
}

function returnedExpression(decl: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = decl.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return body as ts.Expression;
  const only = body.statements.length === 1 ? body.statements[0]! : undefined;
  return only && ts.isReturnStatement(only) ? only.expression : undefined;
}

const containsFunction = (node: ts.Node): boolean => ts.isFunctionLike(node) || ts.forEachChild(node, containsFunction) === true;

function findInlinedBody(info: FunctionInfo, ctx: LowerContext): ts.Expression | undefined {
  const decl = info.node;
  if (ctx.inLibrary(decl) || decl.typeParameters || ["void", "never", "undefined"].includes(info.returnType.kind)) return undefined;
  const expression = returnedExpression(decl);
  if (!expression || !ts.isObjectLiteralExpression(skipParentheses(expression))) return undefined;
  const name = functionName(decl);
  // A function nested in another keeps its own rules (it may not capture the outer one's locals: IS1003).
  if (!name || containsFunction(expression) || enclosingFunction(decl)) return undefined;
  if (isExported(ts.isFunctionDeclaration(decl) ? decl : (decl.parent as ts.VariableDeclaration))) return undefined;
  const symbol = ctx.symbolOf(name);
  if (!symbol || (symbol.declarations ?? []).length !== 1) return undefined;
  for (const param of info.params) {
    const p = param.declaration;
    if (param.rest || param.type.kind === "record" || !ts.isIdentifier(p.name)) return undefined;
    const paramSymbol = ctx.symbolOf(p.name);
    if (!paramSymbol || assignmentsTo(paramSymbol, ctx).length > 0) return undefined;
  }
  const uses = (usesIn(sourceFileOf(decl), ctx).get(symbol) ?? []).filter((use) => use !== name);
  if (uses.length !== 1) return undefined;
  const callee = withParentheses(uses[0]!);
  const call = callee.parent;
  if (!ts.isCallExpression(call) || call.expression !== callee || call.questionDotToken || call.arguments.some(ts.isSpreadElement)) return undefined;
  for (let n: ts.Node | undefined = call; n; n = n.parent) {
    // Recursive; or a `case` label, where a call is reported whatever it does (IS1029).
    if (n === decl || (n.parent && ts.isCaseClause(n.parent) && n.parent.expression === n)) return undefined;
  }
  return expression;
}

/** The call written in place: its arguments stored as the parameters, then the returned expression. */
export function inlineCall(info: FunctionInfo, call: ts.CallExpression, ctx: LowerContext): Lowered | undefined {
  const body = inlinedBody(info, ctx);
  if (!body) return undefined;
  const pre: Command[] = [];
  info.params.forEach((param, i) => {
    const p = param.declaration;
    const symbol = ctx.symbolOf(p.name)!;
    const arg = call.arguments[i];
    const splitBy = arg && keptParameterSeparator(param, ctx);
    if (splitBy !== undefined) {
      // An array kept as text (split-arrays.ts): the same text, never changed, so the same binding.
      const kept = splitTextArray(arg!, ctx);
      if (kept) return void ctx.bindings.set(symbol, kept);
      const name = ctx.newVariable((p.name as ts.Identifier).text);
      pre.push(...ctx.store(name, keptArgument(arg!, ctx)));
      return void ctx.bindings.set(symbol, { kind: "split", name, separator: splitBy });
    }
    let value: Lowered = arg ? ctx.expr(arg) : lowered({ kind: "undefined" });
    if (value.val.kind === "undefined" && p.initializer) value = ctx.expr(p.initializer);
    // A literal needs no variable: reads of the parameter are the literal, as for a `const`.
    if (value.pre.length === 0 && literalText(value.val) !== undefined) {
      ctx.bindings.set(symbol, { kind: "constant", val: value.val });
      return;
    }
    const name = ctx.newVariable((p.name as ts.Identifier).text);
    pre.push(...ctx.store(name, value));
    if (value.val.kind === "optional" && p.initializer) {
      // Passed a value that may be undefined: the default applies when it is.
      pre.push(sh.ifThen([sh.test("-z", sh.word(sh.param(name, { kind: "alternative", colon: false, word: sh.word("set") })))], ctx.store(name, ctx.expr(p.initializer))));
    }
    ctx.bindings.set(symbol, { kind: "var", name, type: param.type, scope: ctx.scope });
  });
  const result = ctx.expr(body);
  return lowered(result.val, [...pre, ...result.pre]);
}
