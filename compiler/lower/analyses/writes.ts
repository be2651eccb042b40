import { ts } from "ts-morph";
import { skipParentheses, sourceFileOf, startOf } from "../../ts/nodes.ts";
import type { TypeFacts } from "./facts.ts";
import { endsInJump } from "./jumps.ts";
import { classifyType, type ShType } from "./types.ts";

/**
 * Where each variable is assigned after its declaration, found once per file by walking it.
 * (A variable is only ever assigned in the file that declares it: imports are read-only.)
 */

const K = ts.SyntaxKind;
const cache = new WeakMap<ts.SourceFile, Map<ts.Symbol, ts.Node[]>>();

function assignments(file: ts.SourceFile, facts: TypeFacts): Map<ts.Symbol, ts.Node[]> {
  const known = cache.get(file);
  if (known) return known;
  const out = new Map<ts.Symbol, ts.Node[]>();
  const target = (e: ts.Expression, node: ts.Node) => {
    const stripped = skipParentheses(e);
    const symbol = ts.isIdentifier(stripped) ? facts.symbolOf(stripped) : undefined;
    if (symbol) out.set(symbol, [...(out.get(symbol) ?? []), node]);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= K.FirstAssignment && node.operatorToken.kind <= K.LastAssignment) {
      target(node.left, node);
    }
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === K.PlusPlusToken || node.operator === K.MinusMinusToken)) {
      target(node.operand, node);
    }
    if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) {
      target(node.initializer as ts.Expression, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  cache.set(file, out);
  return out;
}

const declarationOf = (symbol: ts.Symbol): ts.VariableDeclaration | ts.ParameterDeclaration | undefined => {
  const decl = symbol.valueDeclaration;
  return decl && (ts.isVariableDeclaration(decl) || ts.isParameter(decl)) ? decl : undefined;
};

/** Every assignment, `++`/`--` and `for…of` target write of a variable in its file. */
export function assignmentsTo(symbol: ts.Symbol, facts: TypeFacts): readonly ts.Node[] {
  const decl = declarationOf(symbol);
  return (decl && assignments(sourceFileOf(decl), facts).get(symbol)) ?? [];
}

/** True when no statement assigns the variable after its declaration (a `const`, or never written). */
export function neverReassigned(symbol: ts.Symbol, facts: TypeFacts): boolean {
  const decl = declarationOf(symbol);
  if (!decl) return false;
  if (ts.isVariableDeclaration(decl) && decl.parent.flags & ts.NodeFlags.Const) return true;
  return !assignments(sourceFileOf(decl), facts).has(symbol);
}

/**
 * True when a function other than the one declaring the variable assigns it: a top-level
 * `let` that functions change. TypeScript keeps its narrowing of such a variable across
 * calls (`let v: string | undefined = undefined; set(); v` is typed `undefined`), so reads
 * of it must not trust the narrowed type.
 */
export function assignedByOtherFunctions(symbol: ts.Symbol, facts: TypeFacts): boolean {
  const decl = declarationOf(symbol);
  if (!decl) return false;
  const home = enclosingFunction(decl);
  return assignmentsTo(symbol, facts).some((node) => enclosingFunction(node) !== home);
}

/** The function (or arrow, or method) a node is in; undefined at the top level. */
export function enclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}

// --- Narrowing a call may have made stale ------------------------------------------------------

const writersCache = new WeakMap<ts.Symbol, Set<ts.Node>>();

/** The functions that assign the variable, directly or through the functions they call. */
function writers(symbol: ts.Symbol, file: ts.SourceFile, facts: TypeFacts): Set<ts.Node> {
  const known = writersCache.get(symbol);
  if (known) return known;
  const out = new Set<ts.Node>();
  for (const node of assignments(file, facts).get(symbol) ?? []) {
    const fn = enclosingFunction(node);
    if (fn) out.add(fn);
  }
  const functions: ts.Node[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) functions.push(node);
    ts.forEachChild(node, collect);
  };
  collect(file);
  for (let grew = true; grew; ) {
    grew = false;
    for (const fn of functions) {
      if (!out.has(fn) && callsInBody(fn).some((c) => isWriterCall(c, out, facts))) {
        out.add(fn);
        grew = true;
      }
    }
  }
  writersCache.set(symbol, out);
  return out;
}

function isWriterCall(call: ts.CallExpression, writerSet: Set<ts.Node>, facts: TypeFacts): boolean {
  const decl = facts.checker.getResolvedSignature(call)?.declaration;
  return decl !== undefined && writerSet.has(decl);
}

/** Calls in a function's own body (or the file's top level), not in functions nested in it. */
function callsInBody(body: ts.Node): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== body && ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node)) out.push(node);
    ts.forEachChild(node, visit);
  };
  visit(body);
  return out;
}

/**
 * True when TypeScript's narrowing of a variable other functions assign may be out of date
 * at `read`: a call to one of those functions can run between the variable's last mention
 * before `read` (where the narrowing comes from) and `read`, or later in a loop around it.
 */
export function narrowingMayBeStale(read: ts.Identifier, symbol: ts.Symbol, facts: TypeFacts): boolean {
  const decl = declarationOf(symbol);
  if (!decl) return false;
  const body = enclosingFunction(read) ?? sourceFileOf(read);
  const writerSet = writers(symbol, sourceFileOf(decl), facts);
  const calls = callsInBody(body).filter((c) => isWriterCall(c, writerSet, facts));
  if (calls.length === 0) return false;
  let lastMention = startOf(body);
  const visit = (node: ts.Node): void => {
    if (node !== body && ts.isFunctionLike(node)) return;
    if (ts.isIdentifier(node) && node !== read && node.end <= startOf(read) && facts.symbolOf(node) === symbol) lastMention = Math.max(lastMention, node.end);
    ts.forEachChild(node, visit);
  };
  visit(body);
  const between = calls.some(
    (c) =>
      startOf(c) >= lastMention &&
      startOf(c) < startOf(read) &&
      c.end < read.end && // a call whose argument the read is runs after it
      (!exclusiveBranches(c, read) || loopWithoutCheck(c, read, body, symbol, facts)),
  );
  const loopBack = calls.some((c) => startOf(c) > startOf(read) && loopWithoutCheck(c, read, body, symbol, facts));
  return between || loopBack;
}

/** Some loop inside `body` holds both nodes, and its condition does not test the variable again. */
function loopWithoutCheck(a: ts.Node, b: ts.Node, body: ts.Node, symbol: ts.Symbol, facts: TypeFacts): boolean {
  for (let n = b.parent; n && n !== body; n = n.parent) {
    if (!ts.isIterationStatement(n, false) || startOf(a) < startOf(n) || a.end > n.end) continue;
    const condition = ts.isWhileStatement(n) || ts.isDoStatement(n) ? n.expression : ts.isForStatement(n) ? n.condition : undefined;
    if (!condition || !mentions(condition, symbol, facts)) return true;
  }
  return false;
}

function mentions(node: ts.Node, symbol: ts.Symbol, facts: TypeFacts): boolean {
  if (ts.isIdentifier(node)) return facts.symbolOf(node) === symbol;
  return ts.forEachChild(node, (child) => mentions(child, symbol, facts) || undefined) ?? false;
}

/**
 * The nodes sit in branches of one `if` (or `?:`) or `switch` that a single pass cannot both
 * take: then and else, or switch clauses with a jump between them (no fallthrough).
 */
function exclusiveBranches(a: ts.Node, b: ts.Node): boolean {
  const chain = (n: ts.Node) => {
    const out: ts.Node[] = [];
    for (let p: ts.Node | undefined = n; p; p = p.parent) out.unshift(p);
    return out;
  };
  const [ca, cb] = [chain(a), chain(b)];
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  const common = ca[i - 1];
  const [sa, sb] = [ca[i], cb[i]];
  if (!common || !sa || !sb) return false;
  if (ts.isIfStatement(common)) return sa !== common.expression && sb !== common.expression;
  if (ts.isConditionalExpression(common)) return sa !== common.condition && sb !== common.condition;
  if (ts.isCaseBlock(common)) {
    const clauses = common.clauses as readonly ts.CaseOrDefaultClause[];
    const [from, to] = [clauses.indexOf(sa as ts.CaseOrDefaultClause), clauses.indexOf(sb as ts.CaseOrDefaultClause)];
    return from < to && clauses.slice(from, to).some((c) => endsInJump(c.statements));
  }
  return false;
}

// --- Narrowing by `??` ---------------------------------------------------------------------

const containsNode = (outer: ts.Node, inner: ts.Node): boolean => startOf(inner) >= startOf(outer) && inner.end <= outer.end;

/** `a` and `b` name the same variable, or the same field of the same variable. */
function sameReference(a: ts.Node, b: ts.Node, facts: TypeFacts): boolean {
  while (ts.isParenthesizedExpression(a) || ts.isNonNullExpression(a)) a = a.expression;
  while (ts.isParenthesizedExpression(b) || ts.isNonNullExpression(b)) b = b.expression;
  if (ts.isIdentifier(a) && ts.isIdentifier(b)) return facts.symbolOf(a) !== undefined && facts.symbolOf(a) === facts.symbolOf(b);
  if (ts.isPropertyAccessExpression(a) && ts.isPropertyAccessExpression(b)) {
    return a.name.text === b.name.text && sameReference(a.expression, b.expression, facts);
  }
  return false;
}

/** `e`'s truth picks a branch: a condition, or an operand of `!`, `&&` or `||` (where TypeScript narrows by it). */
function testedForTruth(e: ts.Expression): boolean {
  let n: ts.Node = e;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || (ts.isPrefixUnaryExpression(p) && p.operator === K.ExclamationToken)) {
      n = p;
      continue;
    }
    if (ts.isBinaryExpression(p)) return p.operatorToken.kind === K.AmpersandAmpersandToken || p.operatorToken.kind === K.BarBarToken;
    if (ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) return p.expression === n;
    if (ts.isForStatement(p)) return p.condition === n;
    return ts.isConditionalExpression(p) && p.condition === n;
  }
}

/**
 * True when a `??` whose truth picks a branch, in the function around `read` (or the file's
 * top level), has the same variable or field on its left. Where such a `??` is falsy
 * (`if (b ?? false) … else …`), TypeScript narrows its left operand to `undefined`, though
 * `false`, `0` or `""` get there too: a read it types `undefined` there is read, not assumed.
 */
export function testedByNullish(read: ts.Node, facts: TypeFacts): boolean {
  const body = enclosingFunction(read) ?? sourceFileOf(read);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const op = ts.isBinaryExpression(node) ? node.operatorToken.kind : undefined;
    const left = op === K.QuestionQuestionToken && testedForTruth(node as ts.BinaryExpression) ? (node as ts.BinaryExpression).left : undefined;
    // The `??` that `read` is the left operand of narrows what follows it, not `read`.
    if (left && !containsNode(left, read) && sameReference(left, read, facts)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

// --- Narrowing to `never` ------------------------------------------------------------------

/** A call in `node` (outside functions nested in it) that TypeScript types `never`. */
function callsNever(node: ts.Node, facts: TypeFacts): boolean {
  if (ts.isFunctionLike(node)) return false;
  if (ts.isCallExpression(node) && facts.checker.getTypeAtLocation(node).flags & ts.TypeFlags.Never) return true;
  return ts.forEachChild(node, (child) => callsNever(child, facts) || undefined) ?? false;
}

/** The declared (not narrowed) sh type of a value: variables and fields by their declaration. */
function declaredType(e: ts.Expression, facts: TypeFacts): ShType | undefined {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
    const symbol = facts.symbolOf(ts.isIdentifier(e) ? e : e.name);
    return symbol && classifyType(facts.checker.getTypeOfSymbol(symbol), facts.checker);
  }
  const op = ts.isBinaryExpression(e) ? e.operatorToken.kind : undefined;
  if (op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken) {
    const b = e as ts.BinaryExpression;
    return agreed(declaredType(b.left, facts), declaredType(b.right, facts));
  }
  if (ts.isConditionalExpression(e)) return agreed(declaredType(e.whenTrue, facts), declaredType(e.whenFalse, facts));
  const type = facts.shTypeOf(e);
  return type?.kind === "never" ? undefined : type;
}

/** One scalar type for two values of the same kind (undefined when either may be). */
function agreed(a: ShType | undefined, b: ShType | undefined): ShType | undefined {
  if (!a || !b || a.kind !== b.kind || !("optional" in a) || !("optional" in b) || a.kind === "array") return undefined;
  return { kind: a.kind, optional: a.optional || b.optional } as ShType;
}

/**
 * The sh type of `a || b`, `a && b`, `a ?? b` or `c ? a : b`. Where TypeScript types it
 * `never` and no `never` call inside it explains that, the `never` comes from narrowing its
 * operands away (`if (v) { v || v }` with `v` narrowed to `false`), which is unsound for a
 * variable a function assigns: the operands' declared types decide instead, or, where they
 * do not agree, undefined (the caller reports the expression's type as unsupported).
 */
export function valueType(node: ts.Expression, facts: TypeFacts): ShType | undefined {
  const type = facts.shTypeOf(node);
  if (type?.kind !== "never" || callsNever(node, facts)) return type;
  return declaredType(node, facts);
}
