import { ts } from "ts-morph";
import { sourceFileOf } from "../../ts/nodes.ts";
import type { TypeFacts } from "./facts.ts";
import { neverReassigned } from "./writes.ts";

/**
 * Tests that compare one string with patterns (`s.startsWith(p)`, `s.endsWith(p)`,
 * `s.includes(p)`, `s === p`, joined by `||`), and the lengths of string expressions made of
 * literals and names never assigned again: what visitors/matches.ts needs to write an `if`
 * chain as a `case`, and `s.slice(prefix.length)` as `${s#prefix}`.
 */

const K = ts.SyntaxKind;

/** A string length as a constant plus the lengths of some variables (symbols sorted by id). */
export interface LengthForm {
  constant: number;
  names: number[];
}

export type MatchKind = "prefix" | "suffix" | "contains" | "equal";
export interface Match {
  kind: MatchKind;
  pattern: ts.Expression;
}
/** One `if` test as a match of a subject against patterns (any of them). */
export interface TestMatch {
  subject: ts.Expression;
  key: string;
  matches: Match[];
  negated: boolean;
}

export function testMatch(e: ts.Expression, facts: TypeFacts): TestMatch | undefined {
  if (ts.isParenthesizedExpression(e)) return testMatch(e.expression, facts);
  if (ts.isPrefixUnaryExpression(e) && e.operator === K.ExclamationToken) {
    const inner = testMatch(e.operand, facts);
    return inner && { ...inner, negated: !inner.negated };
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.BarBarToken) {
    const left = testMatch(e.left, facts);
    const right = testMatch(e.right, facts);
    if (!left || !right || left.negated || right.negated || left.key !== right.key) return undefined;
    return { ...left, matches: [...left.matches, ...right.matches] };
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op !== K.EqualsEqualsEqualsToken && op !== K.ExclamationEqualsEqualsToken) return undefined;
    if (!isString(e.left, facts) || !isString(e.right, facts)) return undefined;
    const negated = op === K.ExclamationEqualsEqualsToken;
    for (const [subject, pattern] of [[e.left, e.right], [e.right, e.left]] as const) {
      const key = subjectKey(subject, facts);
      if (key && isPure(pattern)) return { subject, key, matches: [{ kind: "equal", pattern }], negated };
    }
    return undefined;
  }
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.arguments.length !== 1) return undefined;
  const kind = methodKinds[e.expression.name.text];
  const receiver = e.expression.expression;
  const pattern = e.arguments[0]!;
  if (!kind || !isStringMethod(e, facts) || !isString(pattern, facts) || !isPure(pattern)) return undefined;
  const key = subjectKey(receiver, facts);
  return key ? { subject: receiver, key, matches: [{ kind, pattern }], negated: false } : undefined;
}

const methodKinds: Record<string, MatchKind> = { startsWith: "prefix", endsWith: "suffix", includes: "contains" };

/** The call resolves to initsh's own lib declaration of the String method (not a user's). */
function isStringMethod(call: ts.CallExpression, facts: TypeFacts): boolean {
  const decl = facts.checker.getResolvedSignature(call)?.declaration;
  if (!decl || !facts.isLibFile(sourceFileOf(decl))) return false;
  return ts.isInterfaceDeclaration(decl.parent) && decl.parent.name.text === "String";
}

function isString(e: ts.Expression, facts: TypeFacts): boolean {
  const type = facts.shTypeOf(e);
  return type?.kind === "string" && !type.optional;
}

/** Subjects are variables and record fields: reading one twice gives the same text. */
function subjectKey(e: ts.Expression, facts: TypeFacts): string | undefined {
  if (ts.isParenthesizedExpression(e)) return subjectKey(e.expression, facts);
  if (ts.isIdentifier(e)) {
    const symbol = facts.symbolOf(e);
    return symbol ? `s${symbolId(symbol)}` : undefined;
  }
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && isString(e, facts)) {
    const outer = subjectKey(e.expression, facts);
    return outer && `${outer}.${e.name.text}`;
  }
  return undefined;
}

const symbolIds = new WeakMap<ts.Symbol, number>();
let nextSymbolId = 0;
function symbolId(symbol: ts.Symbol): number {
  let id = symbolIds.get(symbol);
  if (id === undefined) symbolIds.set(symbol, (id = nextSymbolId++));
  return id;
}

/** Expressions whose lowering runs no command: literals, names, fields, templates and sums of them. */
function isPure(e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return isPure(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isNumericLiteral(e) || ts.isIdentifier(e)) return true;
  if (ts.isPropertyAccessExpression(e)) return ts.isIdentifier(e.expression);
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => isPure(s.expression));
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.PlusToken) return isPure(e.left) && isPure(e.right);
  return false;
}

/** The length of a string expression, when it is literals and never-reassigned string names. */
export function textLength(e: ts.Expression, facts: TypeFacts): LengthForm | undefined {
  if (ts.isParenthesizedExpression(e)) return textLength(e.expression, facts);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { constant: e.text.length, names: [] };
  if (ts.isIdentifier(e) && isString(e, facts)) {
    const symbol = facts.symbolOf(e);
    return symbol && neverReassigned(symbol, facts) ? { constant: 0, names: [symbolId(symbol)] } : undefined;
  }
  if (ts.isTemplateExpression(e)) {
    const parts = [{ constant: e.head.text.length, names: [] }, ...e.templateSpans.flatMap((s) => [textLength(s.expression, facts), { constant: s.literal.text.length, names: [] }])];
    return sumOf(parts);
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.PlusToken && isString(e.left, facts) && isString(e.right, facts)) {
    return sumOf([textLength(e.left, facts), textLength(e.right, facts)]);
  }
  return undefined;
}

/** A number expression as a length form: literals, `x.length` of string names, and sums. */
export function numberLength(e: ts.Expression, facts: TypeFacts): LengthForm | undefined {
  if (ts.isParenthesizedExpression(e)) return numberLength(e.expression, facts);
  if (ts.isNumericLiteral(e)) return { constant: Number(e.text), names: [] };
  if (ts.isPropertyAccessExpression(e) && e.name.text === "length" && isString(e.expression, facts)) return textLength(e.expression, facts);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.PlusToken) return sumOf([numberLength(e.left, facts), numberLength(e.right, facts)]);
  return undefined;
}

function sumOf(forms: (LengthForm | undefined)[]): LengthForm | undefined {
  if (forms.some((f) => !f)) return undefined;
  const all = forms as LengthForm[];
  return { constant: all.reduce((n, f) => n + f.constant, 0), names: all.flatMap((f) => f.names).sort((a, b) => a - b) };
}

export const sameLength = (a: LengthForm, b: LengthForm) => a.constant === b.constant && a.names.join() === b.names.join();

