import { ts } from "ts-morph";
import type { TypeFacts } from "./facts.ts";

const cache = new WeakMap<ts.SourceFile, Map<ts.Symbol, ts.Identifier[]>>();

/**
 * Every identifier of the file, by the symbol it names: one walk per file, shared by the
 * analyses that must see every use of a variable (read-only arrays, records written by field).
 */
export function usesIn(file: ts.SourceFile, facts: TypeFacts): Map<ts.Symbol, ts.Identifier[]> {
  const known = cache.get(file);
  if (known) return known;
  const out = new Map<ts.Symbol, ts.Identifier[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      // `{ xs }` names the property; the variable it reads is the shorthand's value symbol.
      const shorthand = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node;
      const symbol = shorthand ? facts.checker.getShorthandAssignmentValueSymbol(node.parent) : facts.symbolOf(node);
      if (symbol) {
        const uses = out.get(symbol);
        if (uses) uses.push(node);
        else out.set(symbol, [node]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  cache.set(file, out);
  return out;
}
