import { ts } from "ts-morph";
import { functionName, isExported, skipParentheses, sourceFileOf, withParentheses } from "../../ts/nodes.ts";
import type { TypeFacts } from "./facts.ts";
import { usesIn } from "./uses.ts";
import { assignmentsTo, enclosingFunction } from "./writes.ts";

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

/** What the analysis needs of a function the lowering describes (lower/context's FunctionInfo). */
export interface InlineCandidate {
  node: ts.FunctionLikeDeclaration;
  returnType: { kind: string };
  params: readonly { declaration: ts.ParameterDeclaration; type: { kind: string }; rest?: boolean }[];
}

const cache = new WeakMap<InlineCandidate, ts.Expression | null>();

/** The returned expression of a function every call of which is written in place, else undefined. */
export function inlinedBody(info: InlineCandidate, facts: TypeFacts): ts.Expression | undefined {
  const known = cache.get(info);
  if (known !== undefined) return known ?? undefined;
  const body = findInlinedBody(info, facts);
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

function findInlinedBody(info: InlineCandidate, facts: TypeFacts): ts.Expression | undefined {
  const decl = info.node;
  if (facts.inLibrary(decl) || decl.typeParameters || ["void", "never", "undefined"].includes(info.returnType.kind)) return undefined;
  const expression = returnedExpression(decl);
  if (!expression || !ts.isObjectLiteralExpression(skipParentheses(expression))) return undefined;
  const name = functionName(decl);
  // A function nested in another keeps its own rules (it may not capture the outer one's locals: IS1003).
  if (!name || containsFunction(expression) || enclosingFunction(decl)) return undefined;
  if (isExported(ts.isFunctionDeclaration(decl) ? decl : (decl.parent as ts.VariableDeclaration))) return undefined;
  const symbol = facts.symbolOf(name);
  if (!symbol || (symbol.declarations ?? []).length !== 1) return undefined;
  for (const param of info.params) {
    const p = param.declaration;
    if (param.rest || param.type.kind === "record" || !ts.isIdentifier(p.name)) return undefined;
    const paramSymbol = facts.symbolOf(p.name);
    if (!paramSymbol || assignmentsTo(paramSymbol, facts).length > 0) return undefined;
  }
  const uses = (usesIn(sourceFileOf(decl), facts).get(symbol) ?? []).filter((use) => use !== name);
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

