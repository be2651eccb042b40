import { runInNewContext } from "node:vm";
import { ts } from "ts-morph";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnostics } from "../diagnostics/codes.ts";
import { isExported, sourceFileOf, textOf } from "../ts/nodes.ts";
import { stripTypes } from "./strip-types.ts";

/**
 * A source's variants (`export const variants = { … } satisfies Variants<Config>`), evaluated
 * when the script is compiled: the initializer and the top-level constants and functions of
 * the same file it uses are turned into JavaScript (their types stripped: ./strip-types.ts) and
 * run in an empty V8 context,
 * so spreads of a base configuration and small helper functions work, and nothing of the
 * boot library (which exists only at boot) can be reached.
 */

/** A configuration value: what a `Config` field may hold. */
export type ConfigValue = string | number | boolean | undefined | readonly ConfigValue[] | { readonly [field: string]: ConfigValue };

export interface VariantSet {
  declaration: ts.VariableDeclaration;
  /** Each variant's configuration, in the order the source lists them. */
  configs: ReadonlyMap<string, { readonly [field: string]: ConfigValue }>;
  /**
   * The statements that compute the variants (the declaration and the constants and functions
   * it uses): they ran when the script was compiled and are not part of it. Their constants'
   * values, where those are configuration values, by declaration.
   */
  compileTime: ReadonlySet<ts.Statement>;
  constants: ReadonlyMap<ts.VariableDeclaration, ConfigValue>;
}

/** Letters, digits, `.`, `_`, `-`: a variant's name goes into file names (`init-<name>.sh`). */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** How long evaluating the variants may take: it is a configuration, not a program. */
const EVALUATION_MS = 2000;

/** The `variant<Config>()` calls of a file (recognised by the declaration they resolve to). */
export function variantCalls(source: ts.SourceFile, checker: ts.TypeChecker, variantsFile: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const decl = checker.getResolvedSignature(node)?.declaration;
      if (decl && ts.isFunctionDeclaration(decl) && decl.name?.text === "variant" && sourceFileOf(decl).fileName === variantsFile) calls.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

/** `export const variants = …` at the top level of the file, if there is one. */
function variantsDeclaration(source: ts.SourceFile): ts.VariableDeclaration | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.name.text === "variants" && isExported(decl)) return decl;
    }
  }
  return undefined;
}

/**
 * Reads the variants of `source`. `calls` are its `variant<Config>()` calls: each one's
 * `Config` is the shape every variant must have. Returns no set when the file declares none.
 */
export function readVariants(
  source: ts.SourceFile,
  checker: ts.TypeChecker,
  calls: readonly ts.CallExpression[],
): { set?: VariantSet; diagnostics: Diagnostic[] } {
  const decl = variantsDeclaration(source);
  if (!decl) return { diagnostics: calls.map((c) => diagnostics.variantWithoutVariants(c)) };
  const found: Diagnostic[] = [];
  if (!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) || !decl.initializer) {
    return { diagnostics: [diagnostics.variantNotConstant(decl.name, "declare them with `export const variants = { … }`")] };
  }
  const statements = dependencies(decl, checker, found);
  if (found.length > 0) return { diagnostics: found };
  const values = evaluate(decl, statements, found);
  const value = values?.get(decl);
  if (values === undefined || !isRecord(value)) return { diagnostics: found };
  const configs = new Map<string, { readonly [field: string]: ConfigValue }>();
  for (const [name, config] of Object.entries(value)) {
    const at = variantNode(decl, name);
    if (!NAME.test(name)) {
      found.push(diagnostics.variantName(at, name));
      continue;
    }
    const problem = configProblem(config, name);
    if (problem !== undefined || !isRecord(config)) {
      found.push(diagnostics.variantNotConstant(at, problem ?? `variant '${name}' is not an object of fields`));
      continue;
    }
    configs.set(name, config as { readonly [field: string]: ConfigValue });
  }
  if (found.length === 0 && configs.size === 0) found.push(diagnostics.variantNotConstant(decl.name, "there are none: give at least one"));
  for (const call of calls) found.push(...shapeProblems(call, decl, configs, checker));
  if (found.length > 0) return { diagnostics: found };
  const constants = new Map<ts.VariableDeclaration, ConfigValue>();
  for (const [d, v] of values) {
    if (configProblem(v, "") === undefined) constants.set(d, v as ConfigValue);
  }
  return { set: { declaration: decl, configs, compileTime: new Set([...statements, decl.parent.parent as ts.Statement]), constants }, diagnostics: [] };
}

/** The node that shows variant `name`: its property in an object literal, else the declaration's name. */
function variantNode(decl: ts.VariableDeclaration, name: string): ts.Node {
  let init: ts.Expression | undefined = decl.initializer;
  while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
  if (init && ts.isObjectLiteralExpression(init)) {
    const property = init.properties.find((p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);
    if (property) return property;
  }
  return decl.name;
}

/**
 * The top-level statements the initializer needs (constants and functions of the same file,
 * and theirs), in source order. Anything else it reads — the boot library, a `let`, an
 * import — is a diagnostic: it has no value when the script is compiled.
 */
function dependencies(decl: ts.VariableDeclaration, checker: ts.TypeChecker, found: Diagnostic[]): ts.Statement[] {
  const source = sourceFileOf(decl);
  const needed = new Set<ts.Statement>();
  const visiting = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) return;
    if (ts.isIdentifier(node) && isValueReference(node)) need(node);
    ts.forEachChild(node, visit);
  };
  const need = (id: ts.Identifier): void => {
    const symbol = ts.isShorthandPropertyAssignment(id.parent) ? checker.getShorthandAssignmentValueSymbol(id.parent) : checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
      const imported = checker.getAliasedSymbol(symbol).valueDeclaration;
      const fromBoot = imported !== undefined && sourceFileOf(imported) !== source;
      found.push(diagnostics.variantNotConstant(id, fromBoot ? `'${id.text}' comes from initsh and exists only at boot` : `'${id.text}' is imported, and imports have no value when the script is compiled`));
      return;
    }
    // An overloaded function's implementation, not its first signature.
    const target = symbol?.declarations?.find((d) => ts.isFunctionDeclaration(d) && d.body !== undefined) ?? symbol?.valueDeclaration;
    if (!symbol || !target) return; // `undefined`
    if (sourceFileOf(target) !== source) {
      // The lib's globals (String, Math …) are JavaScript's own; anything else exists only at boot.
      if (!sourceFileOf(target).isDeclarationFile) found.push(diagnostics.variantNotConstant(id, `'${id.text}' exists only at boot`));
      return;
    }
    const statement = topLevelStatement(target);
    if (!statement) return; // declared inside the code being evaluated (a parameter, a local)
    if (ts.isVariableStatement(statement) && !(statement.declarationList.flags & ts.NodeFlags.Const)) {
      found.push(diagnostics.variantNotConstant(id, `'${id.text}' is a 'let': only constants are known when the script is compiled`));
      return;
    }
    if (!ts.isVariableStatement(statement) && !ts.isFunctionDeclaration(statement)) {
      found.push(diagnostics.variantNotConstant(id, `'${id.text}' is not a constant or a function`));
      return;
    }
    if (needed.has(statement) || visiting.has(statement)) return;
    visiting.add(statement);
    visit(statement);
    needed.add(statement);
  };
  visit(decl.initializer!);
  return [...needed].sort((a, b) => a.pos - b.pos);
}

/** Whether an identifier reads a value (not a property name, a declaration's name or a label). */
function isValueReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if ((ts.isPropertyAccessExpression(parent) && parent.name === id) || (ts.isPropertyAssignment(parent) && parent.name === id)) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.name === id) return false;
  if (ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent) || ts.isQualifiedName(parent)) return false;
  return true;
}

/** The statement of the source file that declares `node`, when it is declared at the top level. */
function topLevelStatement(node: ts.Node): ts.Statement | undefined {
  let n: ts.Node = node;
  while (n.parent && !ts.isSourceFile(n.parent)) {
    if (ts.isFunctionLike(n.parent) || ts.isBlock(n.parent) || ts.isArrowFunction(n.parent)) return undefined;
    n = n.parent;
  }
  return n.parent ? (n as ts.Statement) : undefined;
}

/**
 * Runs the statements and the variants declaration as JavaScript. Returns the value of every
 * constant they declare (the variants' among them), or undefined after a diagnostic.
 */
function evaluate(decl: ts.VariableDeclaration, statements: readonly ts.Statement[], found: Diagnostic[]): Map<ts.VariableDeclaration, unknown> | undefined {
  const source = sourceFileOf(decl);
  const all = [...statements, decl.parent.parent as ts.VariableStatement].sort((a, b) => a.pos - b.pos);
  const declared = all.flatMap((s) => (ts.isVariableStatement(s) ? s.declarationList.declarations.filter((d) => ts.isIdentifier(d.name)) : []));
  const collect = declared.map((d) => (d.name as ts.Identifier).text).join(", ");
  let js: string;
  try {
    js = `${stripTypes(all, source)}\n;globalThis.__values = [${collect}];`;
  } catch (error) {
    found.push(diagnostics.variantNotConstant(decl.name, `they cannot be compiled to JavaScript (${firstLine(error)})`));
    return undefined;
  }
  const context: { __values?: unknown[] } = {};
  try {
    runInNewContext(js, context, { timeout: EVALUATION_MS, filename: source.fileName });
  } catch (error) {
    found.push(diagnostics.variantNotConstant(decl.name, `evaluating them failed: ${firstLine(error)}`));
    return undefined;
  }
  const values = new Map(declared.map((d, i) => [d, context.__values?.[i]]));
  if (!isRecord(values.get(decl))) {
    found.push(diagnostics.variantNotConstant(decl.name, "they must be an object: { name: { …fields } }"));
    return undefined;
  }
  return values;
}

/** The first line of an error's message. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

/** A plain object (from the evaluation's own realm, so not `instanceof Object` here). */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Why a value cannot be a configuration value (`path` names it), or undefined when it can. */
function configProblem(value: unknown, path: string): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "undefined":
      return undefined;
    case "number":
      return Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1 ? undefined : `${path} is ${value}: numbers are integers within 32 bits`;
    case "object":
      if (value === null) return `${path} is null: use undefined (leave the field out)`;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const element = value[i];
          if (typeof element === "object" && element !== null) return `${path}[${i}] is an aggregate: arrays hold strings, numbers or booleans`;
          const problem = configProblem(element, `${path}[${i}]`);
          if (problem !== undefined) return problem;
          if (element === undefined) return `${path}[${i}] is undefined: arrays hold strings, numbers or booleans`;
        }
        return undefined;
      }
      if (!isRecord(value)) return `${path} is not a plain object`;
      for (const [field, v] of Object.entries(value)) {
        const problem = configProblem(v, `${path}.${field}`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    default:
      return `${path} is a ${typeof value}: configuration values are strings, numbers, booleans, arrays and objects of those`;
  }
}

/**
 * Every variant has exactly `Config`'s fields, each of its type: a missing or unknown field
 * is reported at the variant (TypeScript says the same of an object literal under
 * `satisfies Variants<Config>`, but not of one built by a spread or a function).
 */
function shapeProblems(call: ts.CallExpression, decl: ts.VariableDeclaration, configs: ReadonlyMap<string, object>, checker: ts.TypeChecker): Diagnostic[] {
  // The call's first type argument (`variant<Config>()`): the first child that is a type.
  const typeNode = ts.forEachChild(call, (child) => (ts.isTypeNode(child) ? child : undefined));
  if (!typeNode) return [diagnostics.variantUse(call, "say which configuration type it reads: `variant<Config>()`")];
  const config = checker.getTypeFromTypeNode(typeNode);
  const fields = checker.getPropertiesOfType(config);
  const declared = checker.getTypeAtLocation(decl.name);
  const out: Diagnostic[] = [];
  for (const [name, value] of configs) {
    const at = variantNode(decl, name);
    const missing = fields.filter((f) => !(f.flags & ts.SymbolFlags.Optional) && !(f.name in value)).map((f) => f.name);
    const extra = Object.keys(value).filter((k) => !fields.some((f) => f.name === k));
    if (missing.length > 0) out.push(diagnostics.variantShape(at, name, `it lacks ${missing.map((m) => `'${m}'`).join(", ")}`));
    if (extra.length > 0) out.push(diagnostics.variantShape(at, name, `it has ${extra.map((m) => `'${m}'`).join(", ")}, which ${textOf(typeNode)} does not declare`));
    const property = checker.getPropertyOfType(declared, name);
    if (missing.length === 0 && property && !checker.isTypeAssignableTo(checker.getTypeOfSymbolAtLocation(property, decl), config)) {
      out.push(diagnostics.variantShape(at, name, `its fields are not of ${textOf(typeNode)}'s types`));
    }
  }
  return out;
}
