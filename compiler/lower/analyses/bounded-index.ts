import { ts } from "ts-morph";
import { skipParentheses } from "../../ts/nodes.ts";
import type { TypeFacts } from "./facts.ts";
import { assignmentsTo } from "./writes.ts";

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
export function indexInBounds(node: ts.ElementAccessExpression, facts: TypeFacts): boolean {
  const index = skipParentheses(node.argumentExpression);
  const array = skipParentheses(node.expression);
  if (!ts.isIdentifier(index) || !ts.isIdentifier(array)) return false;
  const counter = facts.symbolOf(index);
  const list = counter?.valueDeclaration?.parent;
  const loop = list?.parent;
  if (!counter || !list || !loop || !ts.isVariableDeclarationList(list) || !ts.isForStatement(loop) || loop.initializer !== list) return false;
  if (!(list.flags & ts.NodeFlags.Let) || list.declarations.length !== 1) return false;
  const start = list.declarations[0]!.initializer;
  if (!start || !ts.isNumericLiteral(start)) return false;
  if (!isWithin(node, loop.statement) || !countsUp(loop.incrementor, counter, facts)) return false;
  if (!boundedBy(loop.condition, counter, facts.symbolOf(array), facts)) return false;
  const declaration = facts.symbolOf(array)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !(declaration.parent.flags & ts.NodeFlags.Const)) return false;
  // Nothing but the loop's own step writes the counter.
  return assignmentsTo(counter, facts).every((write) => write === loop.incrementor);
}

/** Inside `outer`, and not inside a function nested in it. */
function isWithin(node: ts.Node, outer: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (n === outer) return true;
    if (ts.isFunctionLike(n) && n !== node) return false;
  }
  return false;
}

/** `i++`, `++i` or `i += 1`. */
function countsUp(e: ts.Expression | undefined, counter: ts.Symbol, facts: TypeFacts): boolean {
  if (!e) return false;
  const names = (x: ts.Expression) => ts.isIdentifier(skipParentheses(x)) && facts.symbolOf(skipParentheses(x)) === counter;
  if ((ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && e.operator === ts.SyntaxKind.PlusPlusToken) return names(e.operand);
  return (
    ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && names(e.left) &&
    ts.isNumericLiteral(e.right) && e.right.text === "1"
  );
}

/** `i < xs.length`. */
function boundedBy(e: ts.Expression | undefined, counter: ts.Symbol, array: ts.Symbol | undefined, facts: TypeFacts): boolean {
  if (!e || !array) return false;
  const c = skipParentheses(e);
  if (!ts.isBinaryExpression(c) || c.operatorToken.kind !== ts.SyntaxKind.LessThanToken) return false;
  const left = skipParentheses(c.left);
  const right = skipParentheses(c.right);
  return (
    ts.isIdentifier(left) && facts.symbolOf(left) === counter &&
    ts.isPropertyAccessExpression(right) && right.name.text === "length" &&
    ts.isIdentifier(skipParentheses(right.expression)) && facts.symbolOf(skipParentheses(right.expression)) === array
  );
}
