import { ts } from "ts-morph";
import type { LowerContext } from "./context.ts";

/**
 * Arrays whose length is known at compile time: a `const` bound to an array literal with no
 * spread, whose every use only reads it (`xs.length`, `xs[i]`, `for…of`, `join`, `includes`).
 * Nothing can push onto such an array, so `xs.length` is the literal's element count and needs
 * no helper. A use anywhere else (a call argument, a `return`, another variable, `push`) may
 * grow it, and the length is read at run time as before.
 */

const READS = new Set(["length", "join", "includes"]);
const cache = new WeakMap<ts.SourceFile, Map<ts.Symbol, ts.Identifier[]>>();

/** Every identifier of the file, by the symbol it names. */
function usesIn(file: ts.SourceFile, ctx: LowerContext): Map<ts.Symbol, ts.Identifier[]> {
  const known = cache.get(file);
  if (known) return known;
  const out = new Map<ts.Symbol, ts.Identifier[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      // `{ xs }` names the property; the variable it reads is the shorthand's value symbol.
      const shorthand = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node;
      const symbol = shorthand ? ctx.checker.getShorthandAssignmentValueSymbol(node.parent) : ctx.symbolOf(node);
      if (symbol) out.set(symbol, [...(out.get(symbol) ?? []), node]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  cache.set(file, out);
  return out;
}

/** The use only reads the array it names. */
function onlyReads(use: ts.Identifier, declaration: ts.VariableDeclaration): boolean {
  if (use === declaration.name) return true;
  let node: ts.Node = use;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return READS.has(parent.name.text);
  if (ts.isElementAccessExpression(parent) && parent.expression === node) return true;
  return ts.isForOfStatement(parent) && parent.expression === node;
}

/** The element count of `xs` when it names a read-only array literal (see above). */
export function fixedArrayLength(expression: ts.Expression, ctx: LowerContext): number | undefined {
  let e = expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  const symbol = ts.isIdentifier(e) ? ctx.symbolOf(e) : undefined;
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  if (!(declaration.parent.flags & ts.NodeFlags.Const) || !ts.isVariableStatement(declaration.parent.parent)) return undefined;
  if (declaration.parent.parent.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  let init = declaration.initializer;
  while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
  if (!init || !ts.isArrayLiteralExpression(init) || init.elements.some((x) => ts.isSpreadElement(x) || ts.isOmittedExpression(x))) return undefined;
  const uses = usesIn(declaration.getSourceFile(), ctx).get(symbol) ?? [];
  return uses.every((use) => onlyReads(use, declaration)) ? init.elements.length : undefined;
}
