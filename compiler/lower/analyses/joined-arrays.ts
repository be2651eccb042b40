import { ts } from "ts-morph";
import { sourceFileOf, withParentheses } from "../../ts/nodes.ts";
import type { TypeFacts } from "./facts.ts";
import { constArrayLiteral } from "./fixed-arrays.ts";
import { usesIn } from "./uses.ts";
import { enclosingFunction } from "./writes.ts";

/**
 * Arrays that are only built up and then joined: a `const` bound to `[]` whose every use, in
 * the function that declares it, is a `push` statement or a `join` by one literal separator.
 * Such an array is kept as text, each element preceded by the separator (`kept=$kept:$d`), and
 * `kept.join(":")` is that text without its first separator, `${kept#:}`: what join gives for
 * any elements, empty ones included. No array is made, so no helper and no `eval`.
 */

/** The method call `use.name(…)` a use is the receiver of. */
function methodCall(use: ts.Identifier): { name: string; call: ts.CallExpression } | undefined {
  const node = withParentheses(use);
  const access = node.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== node || access.questionDotToken) return undefined;
  const call = access.parent;
  if (!ts.isCallExpression(call) || call.expression !== access || call.questionDotToken) return undefined;
  return { name: access.name.text, call };
}

/** The separator of `join()` or `join("literal")`; undefined for any other argument. */
function separatorOf(call: ts.CallExpression): string | undefined {
  if (call.arguments.length === 0) return ",";
  const sep = call.arguments[0]!;
  if (call.arguments.length > 1 || !(ts.isStringLiteral(sep) || ts.isNoSubstitutionTemplateLiteral(sep))) return undefined;
  return sep.text;
}

/** The separator every `join` of the array uses, when the declaration makes a joined array. */
export function joinedSeparator(declaration: ts.VariableDeclaration, facts: TypeFacts): string | undefined {
  if (constArrayLiteral(declaration)?.elements.length !== 0) return undefined;
  const symbol = facts.symbolOf(declaration.name);
  if (!symbol) return undefined;
  const home = enclosingFunction(declaration);
  const uses = (usesIn(sourceFileOf(declaration), facts).get(symbol) ?? []).filter((use) => use !== declaration.name);
  const separators = new Set<string | undefined>();
  for (const use of uses) {
    const method = methodCall(use);
    if (!method || enclosingFunction(use) !== home) return undefined;
    if (method.name === "join") separators.add(separatorOf(method.call));
    else if (method.name !== "push" || !ts.isExpressionStatement(method.call.parent) || method.call.arguments.some(ts.isSpreadElement)) {
      return undefined;
    }
  }
  if (separators.size > 1 || separators.has(undefined)) return undefined;
  // Never joined: the text is built and never read, and the assignments are dropped as unused.
  return [...separators][0] ?? "";
}

