import { ts } from "ts-morph";

/**
 * TypeScript statements as JavaScript: their types removed, then printed with TypeScript's own
 * printer (which the shipped TypeScript keeps: compiler/slim-typescript.mjs). Enough for the
 * code a source's variants are computed by (compiler/front/variants.ts): constants, functions,
 * object and array literals, spreads, calls, and the type syntax the language allows around
 * them — annotations, `as`, `satisfies`, `<T>x`, `x!`, type parameters and arguments,
 * optional parameters, overload signatures, interfaces and type aliases. Nothing is lowered:
 * what JavaScript has stays as it is. `export` and `default` are dropped, so the text runs as
 * a script.
 */
export function stripTypes(statements: readonly ts.Statement[], source: ts.SourceFile): string {
  const printer = ts.createPrinter({ removeComments: true });
  const out: string[] = [];
  for (const statement of statements) {
    const stripped = strip(statement);
    if (stripped !== undefined) out.push(printer.printNode(ts.EmitHint.Unspecified, stripped, source));
  }
  return out.join("\n");
}

/** What TypeScript has at run time but does not declare (read as `undeclared.name`, which the slim build sees). */
const undeclared = ts as unknown as { nullTransformationContext: ts.TransformationContext };

/** Modifiers that mean nothing to a script run on its own. */
const DROPPED_MODIFIERS = new Set([ts.SyntaxKind.ExportKeyword, ts.SyntaxKind.DefaultKeyword, ts.SyntaxKind.DeclareKeyword, ts.SyntaxKind.ReadonlyKeyword]);

function strip(node: ts.Node): ts.Node | undefined {
  // Types, and declarations that are only types.
  if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return undefined;
  if (ts.isTypeParameterDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return undefined;
  if (ts.isModifier(node) && DROPPED_MODIFIERS.has(node.kind)) return undefined;
  if (ts.isFunctionDeclaration(node) && !node.body) return undefined; // an overload signature
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return undefined;
  // Expressions that wrap a value in a type: the value.
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node)) {
    return strip(node.expression);
  }
  if (ts.isExpressionWithTypeArguments(node)) return strip(node.expression); // f<T> as a value
  // Declarations whose `?` or `!` says something about their type.
  if (ts.isParameter(node)) {
    if (ts.isIdentifier(node.name) && node.name.text === "this") return undefined;
    return ts.factory.updateParameterDeclaration(
      node,
      visitList(node.modifiers) as ts.NodeArray<ts.ModifierLike> | undefined,
      node.dotDotDotToken,
      visit(node.name) as ts.BindingName,
      undefined,
      undefined,
      node.initializer && (visit(node.initializer) as ts.Expression),
    );
  }
  if (ts.isVariableDeclaration(node)) {
    return ts.factory.updateVariableDeclaration(node, visit(node.name) as ts.BindingName, undefined, undefined, node.initializer && (visit(node.initializer) as ts.Expression));
  }
  return ts.visitEachChild(node, strip, undeclared.nullTransformationContext);
}

function visit(node: ts.Node): ts.Node {
  const stripped = strip(node);
  if (stripped === undefined) throw new Error(`cannot strip the types of ${ts.SyntaxKind[node.kind]}`);
  return stripped;
}

function visitList<T extends ts.Node>(nodes: ts.NodeArray<T> | undefined): ts.NodeArray<ts.Node> | undefined {
  return nodes && ts.factory.createNodeArray(nodes.map(strip).filter((n): n is ts.Node => n !== undefined));
}
