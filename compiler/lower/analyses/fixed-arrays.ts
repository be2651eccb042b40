import { ts } from "ts-morph";
import { skipParentheses, sourceFileOf, withParentheses } from "../../ts/nodes.ts";
import type { TypeFacts } from "./facts.ts";
import { usesIn } from "./uses.ts";

/**
 * Arrays whose length is known at compile time: a `const` bound to an array literal with no
 * spread, whose every use only reads it (`xs.length`, `xs[i]`, `for…of`, `join`, `includes`).
 * Nothing can push onto such an array, so `xs.length` is the literal's element count and needs
 * no helper. A use anywhere else (a call argument, a `return`, another variable, `push`) may
 * grow it, and the length is read at run time as before.
 */

const READS = new Set(["length", "join", "includes"]);

/** The use with its parentheses, and the node around that. */
function usedIn(use: ts.Identifier): { node: ts.Node; parent: ts.Node } {
  const node = withParentheses(use);
  return { node, parent: node.parent };
}

/** The use only reads the array it names. */
function onlyReads(use: ts.Identifier): boolean {
  const { node, parent } = usedIn(use);
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return READS.has(parent.name.text);
  if (ts.isElementAccessExpression(parent) && parent.expression === node) return true;
  return ts.isForOfStatement(parent) && parent.expression === node;
}

/** The declaration of the read-only array literal `xs` names, its elements and every use. */
function fixedArray(expression: ts.Expression, facts: TypeFacts) {
  const e = skipParentheses(expression);
  const symbol = ts.isIdentifier(e) ? facts.symbolOf(e) : undefined;
  const declaration = symbol?.valueDeclaration;
  return symbol && declaration && ts.isVariableDeclaration(declaration) ? fixedDeclaration(declaration, symbol, facts) : undefined;
}

/**
 * The array literal a local `const xs = [...]` (not exported) is bound to: the declarations
 * whose every use this module and joined-arrays.ts can see.
 */
export function constArrayLiteral(declaration: ts.VariableDeclaration): ts.ArrayLiteralExpression | undefined {
  if (!ts.isIdentifier(declaration.name)) return undefined;
  if (!(declaration.parent.flags & ts.NodeFlags.Const) || !ts.isVariableStatement(declaration.parent.parent)) return undefined;
  if (declaration.parent.parent.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  let init = declaration.initializer;
  while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
  return init && ts.isArrayLiteralExpression(init) ? init : undefined;
}

function fixedDeclaration(declaration: ts.VariableDeclaration, symbol: ts.Symbol, facts: TypeFacts) {
  const init = constArrayLiteral(declaration);
  if (!init || init.elements.some((x) => ts.isSpreadElement(x) || ts.isOmittedExpression(x))) return undefined;
  const uses = (usesIn(sourceFileOf(declaration), facts).get(symbol) ?? []).filter((use) => use !== declaration.name);
  return uses.every((use) => onlyReads(use)) ? { elements: init.elements, uses } : undefined;
}

/** The read-only array literal a declaration makes, when its elements are all literals. */
export function constantDeclaration(declaration: ts.VariableDeclaration, facts: TypeFacts) {
  const symbol = ts.isIdentifier(declaration.name) ? facts.symbolOf(declaration.name) : undefined;
  if (!symbol) return undefined;
  const fixed = fixedDeclaration(declaration, symbol, facts);
  return fixed && fixed.elements.every(isConstant) ? { symbol, ...fixed } : undefined;
}

/** The element count of `xs` when it names a read-only array literal (see above). */
export function fixedArrayLength(expression: ts.Expression, facts: TypeFacts): number | undefined {
  return fixedArray(expression, facts)?.elements.length;
}

const isConstant = (e: ts.Expression): boolean =>
  ts.isStringLiteral(e) ||
  ts.isNoSubstitutionTemplateLiteral(e) ||
  ts.isNumericLiteral(e) ||
  e.kind === ts.SyntaxKind.TrueKeyword ||
  e.kind === ts.SyntaxKind.FalseKeyword ||
  (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand));

/**
 * The elements of a read-only array of two or more literals that `xs` names: `for…of` walks
 * them as the words of a sh `for` (the same values the declaration computed, as literals
 * cannot change).
 */
export function constantArrayElements(expression: ts.Expression, facts: TypeFacts): readonly ts.Expression[] | undefined {
  const fixed = fixedArray(expression, facts);
  return fixed && fixed.elements.length >= 2 && fixed.elements.every(isConstant) ? fixed.elements : undefined;
}

/**
 * A declaration of a read-only array of literals whose every use is `xs.length` or a `for…of`
 * over it: nothing reads the array itself, so it is not stored at all.
 */
export function unstoredArray(declaration: ts.VariableDeclaration, facts: TypeFacts): boolean {
  const fixed = constantDeclaration(declaration, facts);
  if (!fixed) return false;
  const parents = fixed.uses.map((use) => usedIn(use).parent);
  const measured = (p: ts.Node) => ts.isPropertyAccessExpression(p) && p.name.text === "length";
  // A for…of walks the literal only from two elements up (see constantArrayElements).
  const walked = (p: ts.Node) => ts.isForOfStatement(p) && fixed.elements.length >= 2;
  return parents.every((p) => measured(p) || walked(p));
}

