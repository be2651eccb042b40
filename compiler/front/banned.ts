import { ts } from "ts-morph";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnostics } from "../diagnostics/codes.ts";

/**
 * Banned syntax, mapped to its named diagnostic in one table (as roblox-ts does). `banned`
 * holds constructs that are never supported, wherever they appear: the syntax gate reports
 * them before lowering starts. `contextual` holds those allowed in some places (an arrow
 * function as a `const` initializer, a spread in a command's arguments): lowering reports them
 * where they are not. Anything else without a visitor gets the generic IS1001.
 */
export const banned: Partial<Record<ts.SyntaxKind, (node: ts.Node) => Diagnostic>> = {
  [ts.SyntaxKind.ClassDeclaration]: diagnostics.classes,
  [ts.SyntaxKind.ClassExpression]: diagnostics.classes,
  [ts.SyntaxKind.NewExpression]: diagnostics.classes,
  [ts.SyntaxKind.ThisKeyword]: diagnostics.classes,
  [ts.SyntaxKind.AwaitExpression]: diagnostics.asyncCode,
  [ts.SyntaxKind.YieldExpression]: diagnostics.generators,
  [ts.SyntaxKind.RegularExpressionLiteral]: diagnostics.regex,
  [ts.SyntaxKind.LabeledStatement]: diagnostics.labels,
  [ts.SyntaxKind.TryStatement]: diagnostics.exceptions,
  [ts.SyntaxKind.ThrowStatement]: diagnostics.exceptions,
  [ts.SyntaxKind.ForInStatement]: diagnostics.forIn,
  [ts.SyntaxKind.ArrayBindingPattern]: diagnostics.destructuring,
  [ts.SyntaxKind.ObjectBindingPattern]: diagnostics.destructuring,
  [ts.SyntaxKind.NullKeyword]: (node) =>
    diagnostics.unsupportedSyntax(node, "'null' (use undefined: it maps to an unset variable)"),
  [ts.SyntaxKind.TypeOfExpression]: (node) =>
    diagnostics.unsupportedOperator(node, "typeof", "Types are known at compile time; branch on a value instead."),
  [ts.SyntaxKind.DeleteExpression]: (node) =>
    diagnostics.unsupportedOperator(node, "delete", "Records have a fixed shape; use an optional field set to undefined."),
  [ts.SyntaxKind.BigIntLiteral]: (node) => diagnostics.unsupportedSyntax(node, "BigInt"),
  [ts.SyntaxKind.TaggedTemplateExpression]: (node) => diagnostics.unsupportedSyntax(node, "A tagged template"),
  [ts.SyntaxKind.WithStatement]: (node) => diagnostics.unsupportedSyntax(node, "'with'"),
  [ts.SyntaxKind.DebuggerStatement]: (node) => diagnostics.unsupportedSyntax(node, "'debugger'"),
  [ts.SyntaxKind.EnumDeclaration]: (node) =>
    diagnostics.unsupportedSyntax(node, "An enum (use a union of string literals)"),
  [ts.SyntaxKind.ModuleDeclaration]: (node) => diagnostics.unsupportedSyntax(node, "A namespace"),
};

const contextual: Partial<Record<ts.SyntaxKind, (node: ts.Node) => Diagnostic>> = {
  // `void f()` as a statement says "ignore the result" (of a fallible call); nothing else.
  [ts.SyntaxKind.VoidExpression]: (node) =>
    diagnostics.unsupportedOperator(node, "void", "Call the function as a statement (`void f()` only ignores a result)."),
  [ts.SyntaxKind.SpreadElement]: diagnostics.spread,
  [ts.SyntaxKind.FunctionExpression]: diagnostics.functionValue,
  [ts.SyntaxKind.ArrowFunction]: diagnostics.functionValue,
};

const described: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.CommaToken]: "The comma operator",
  [ts.SyntaxKind.ImportDeclaration]: "An import",
  [ts.SyntaxKind.ExportAssignment]: "An export assignment",
};

export function unsupportedNode(node: ts.Node): Diagnostic {
  const specific = banned[node.kind] ?? contextual[node.kind];
  if (specific) return specific(node);
  const what = described[node.kind] ?? `The syntax '${ts.SyntaxKind[node.kind]}'`;
  return diagnostics.unsupportedSyntax(node, what);
}
