import { ts } from "ts-morph";
import { sourceFileOf } from "../../ts/nodes.ts";
import type { TypeFacts } from "./facts.ts";
import { usesIn } from "./uses.ts";

/**
 * sh keeps a record as one variable per field, so `const q = p` copies where JS shares.
 * Copies are only observable through writes, so a record whose fields are written must be
 * a local made by an object literal that is never used whole: only `p.f` reads and writes,
 * and `p = { … }` with a fresh literal. Then copying and sharing cannot be told apart.
 */
const verdicts = new WeakMap<ts.Symbol, boolean>();

/** Whether the fields of the record a variable holds may be written (see above). */
export function recordWritable(symbol: ts.Symbol, facts: TypeFacts): boolean {
  let ok = verdicts.get(symbol);
  if (ok === undefined) {
    ok = isUnaliased(symbol, facts);
    verdicts.set(symbol, ok);
  }
  return ok;
}

function isUnaliased(symbol: ts.Symbol, facts: TypeFacts): boolean {
  const decl = symbol.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !isObjectLiteral(decl.initializer)) return false;
  const uses = usesIn(sourceFileOf(decl), facts).get(symbol) ?? [];
  return uses.every((use) => {
    if (use === decl.name) return true;
    const parent = use.parent;
    const fieldAccess = ts.isPropertyAccessExpression(parent) && parent.expression === use;
    const freshAssignment =
      ts.isBinaryExpression(parent) && parent.left === use && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && isObjectLiteral(parent.right);
    return fieldAccess || freshAssignment;
  });
}

function isObjectLiteral(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return ts.isObjectLiteralExpression(e);
}
