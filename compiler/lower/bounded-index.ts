import { ts } from "ts-morph";
import type { LowerContext } from "./context.ts";
import { usesIn } from "./uses.ts";
import { sourceFileOf } from "../front/nodes.ts";

/**
 * Element reads that cannot fall outside the array: `xs[i]` in the body of
 *
 *     for (let i = 0; i < xs.length; i++) { … xs[i] … }
 *
 * where `xs` is a `const` (always the same array, and arrays only grow: the lib has no `pop`
 * or `splice`), `i` starts at a whole number and nothing but the loop's own `i++` (`++i`,
 * `i += 1`) changes it. The read is then the element itself, never `undefined`, although
 * TypeScript (noUncheckedIndexedAccess) types it `T | undefined`.
 */
export function indexInBounds(node: ts.ElementAccessExpression, ctx: LowerContext): boolean {
  const index = unwrap(node.argumentExpression);
  const array = unwrap(node.expression);
  if (!ts.isIdentifier(index) || !ts.isIdentifier(array)) return false;
  const counter = ctx.symbolOf(index);
  const list = counter?.valueDeclaration?.parent;
  const loop = list?.parent;
  if (!counter || !list || !loop || !ts.isVariableDeclarationList(list) || !ts.isForStatement(loop) || loop.initializer !== list) return false;
  if (!(list.flags & ts.NodeFlags.Let) || list.declarations.length !== 1) return false;
  const start = list.declarations[0]!.initializer;
  if (!start || !ts.isNumericLiteral(start)) return false;
  if (!isWithin(node, loop.statement) || !countsUp(loop.incrementor, counter, ctx)) return false;
  if (!boundedBy(loop.condition, counter, ctx.symbolOf(array), ctx)) return false;
  const declaration = ctx.symbolOf(array)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !(declaration.parent.flags & ts.NodeFlags.Const)) return false;
  // Every other use of the counter only reads it.
  const uses = usesIn(sourceFileOf(loop), ctx).get(counter) ?? [];
  return uses.every((use) => use === list.declarations[0]!.name || isWithin(use, loop.incrementor!) || !isWritten(use));
}

const unwrap = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? unwrap(e.expression) : e);

/** Inside `outer`, and not inside a function nested in it. */
function isWithin(node: ts.Node, outer: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (n === outer) return true;
    if (ts.isFunctionLike(n) && n !== node) return false;
  }
  return false;
}

/** `i++`, `++i` or `i += 1`. */
function countsUp(e: ts.Expression | undefined, counter: ts.Symbol, ctx: LowerContext): boolean {
  if (!e) return false;
  const names = (x: ts.Expression) => ts.isIdentifier(unwrap(x)) && ctx.symbolOf(unwrap(x)) === counter;
  if ((ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && e.operator === ts.SyntaxKind.PlusPlusToken) return names(e.operand);
  return (
    ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && names(e.left) &&
    ts.isNumericLiteral(e.right) && e.right.text === "1"
  );
}

/** `i < xs.length`. */
function boundedBy(e: ts.Expression | undefined, counter: ts.Symbol, array: ts.Symbol | undefined, ctx: LowerContext): boolean {
  if (!e || !array) return false;
  const c = unwrap(e);
  if (!ts.isBinaryExpression(c) || c.operatorToken.kind !== ts.SyntaxKind.LessThanToken) return false;
  const left = unwrap(c.left);
  const right = unwrap(c.right);
  return (
    ts.isIdentifier(left) && ctx.symbolOf(left) === counter &&
    ts.isPropertyAccessExpression(right) && right.name.text === "length" &&
    ts.isIdentifier(unwrap(right.expression)) && ctx.symbolOf(unwrap(right.expression)) === array
  );
}

/** The use is assigned to, incremented or decremented. */
function isWritten(use: ts.Identifier): boolean {
  let node: ts.Node = use;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const p = node.parent;
  if (ts.isBinaryExpression(p) && p.left === node) {
    const k = p.operatorToken.kind;
    return k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) {
    return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken;
  }
  return false;
}
