import { ts } from "ts-morph";

/**
 * What the compiler reads of nodes, symbols, types and signatures, through TypeScript's compiler
 * API rather than the methods the language service adds to them (`node.getStart()`,
 * `type.getCallSignatures()` …): these functions do what those methods do. Keeping to the
 * compiler API leaves room for shipping a TypeScript without the language service and
 * tsserver, a third of typescript.js, which would load that much faster without a code cache.
 */

/** Functions TypeScript has at run time but does not declare: the node methods call them. */
interface Undeclared {
  getTokenPosOfNode(node: ts.Node, sourceFile?: ts.SourceFile, includeJsDoc?: boolean): number;
}
const undeclared = ts as unknown as Undeclared;

/** The file a node is in (`node.getSourceFile()`). */
export function sourceFileOf(node: ts.Node): ts.SourceFile {
  let n = node;
  while (n.kind !== ts.SyntaxKind.SourceFile) n = n.parent;
  return n as ts.SourceFile;
}

/** Where a node's first token starts, after comments and white space (`node.getStart()`). */
export const startOf = (node: ts.Node, source?: ts.SourceFile): number => undeclared.getTokenPosOfNode(node, source);

/** A node's source text, without leading comments and white space (`node.getText()`). */
export function textOf(node: ts.Node, source = sourceFileOf(node)): string {
  return source.text.substring(startOf(node, source), node.end);
}

/** Line and column (0-based) of a position (`source.getLineAndCharacterOfPosition(pos)`). */
export const lineAndColumn = (source: ts.SourceFile, position: number): ts.LineAndCharacter => ts.getLineAndCharacterOfPosition(source, position);

/** The expression inside any parentheses around it. */
export const skipParentheses = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? skipParentheses(e.expression) : e);

/** The node with the parentheses around it, if any (`(xs).push` → `(xs)`). */
export function withParentheses(node: ts.Node): ts.Node {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return n;
}

/** Whether a declaration is exported (for a variable, its statement's `export`). */
export const isExported = (node: ts.Declaration): boolean => (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0;

/** The name a function is called by: its declaration's own, or that of the `const` it is bound to. */
export function functionName(decl: ts.SignatureDeclaration): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(decl)) return decl.name;
  if ((ts.isArrowFunction(decl) || ts.isFunctionExpression(decl)) && ts.isVariableDeclaration(decl.parent) && ts.isIdentifier(decl.parent.name)) {
    return decl.parent.initializer === decl ? decl.parent.name : undefined;
  }
  return undefined;
}

/** `type.isUnion()`. */
export const isUnionType = (type: ts.Type): type is ts.UnionType => (type.flags & ts.TypeFlags.Union) !== 0;

/** `type.getCallSignatures()`. */
export const callSignatures = (type: ts.Type, checker: ts.TypeChecker): readonly ts.Signature[] => checker.getSignaturesOfType(type, ts.SignatureKind.Call);

/** A type reference's type arguments (`typeReference.typeArguments`); undefined for other types. */
export function typeArgumentsOf(type: ts.Type, checker: ts.TypeChecker): readonly ts.Type[] | undefined {
  const reference = (type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0;
  return reference ? checker.getTypeArguments(type as ts.TypeReference) : undefined;
}
