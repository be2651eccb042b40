import { ts } from "ts-morph";
import { diagnostics } from "../diagnostics/codes.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { banned } from "./banned.ts";

/**
 * The syntax gate: constructs initsh never supports, reported wherever they appear in the
 * user's file, next to the type checker's errors. They come first because they explain what
 * the checker's messages about initsh's small lib (a missing `Iterator`, say) really mean.
 */
export function checkSyntax(source: ts.SourceFile): Diagnostic[] {
  const found: Diagnostic[] = [];
  // An explicit stack: the tree can be deep, and the gate must not overflow on odd input.
  const stack: ts.Node[] = [source];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const problem = check(node);
    if (problem) {
      found.push(problem);
      continue; // one diagnostic per construct, not one per part of it
    }
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    stack.push(...children.reverse());
  }
  return found;
}

function check(node: ts.Node): Diagnostic | undefined {
  const specific = banned[node.kind];
  if (specific) return specific(node);
  if (ts.canHaveModifiers(node)) {
    const modifiers = ts.getModifiers(node) ?? [];
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return diagnostics.ambientDeclaration(node);
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return diagnostics.asyncCode(node);
  }
  if (ts.isFunctionLike(node) && "asteriskToken" in node && node.asteriskToken) return diagnostics.generators(node);
  if (ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0) {
    return diagnostics.unsupportedSyntax(node, "A decorator");
  }
  return undefined;
}
