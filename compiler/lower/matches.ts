import { ts } from "ts-morph";
import * as sh from "../sh/ast.ts";
import type { Command, Pattern, Word } from "../sh/ast.ts";
import type { FunctionScope, LowerContext } from "./context.ts";
import { stringVal, lowered, type Lowered } from "./values.ts";
import { neverReassigned } from "./writes.ts";
import { sourceFileOf } from "../ts/nodes.ts";

/**
 * An `if` whose every test compares one string with patterns — `s.startsWith(p)`,
 * `s.endsWith(p)`, `s.includes(p)`, `s === p`, joined by `||` — becomes a `case`, the way a
 * hand-written init parses its command line:
 *
 *     case $word in
 *       root=*) root=${word#root=} ;;
 *       quiet | debug) … ;;
 *     esac
 *
 * Inside a `startsWith` arm, `s.slice(n)` where n is the prefix's length is `${s#prefix}`:
 * no helper, no loop. Both keep JS semantics exactly: patterns are quoted so that they match
 * themselves, the subject and patterns are side-effect free, and the slice rewrite applies
 * only while neither the subject nor the prefix can have changed.
 */

const K = ts.SyntaxKind;

type MatchKind = "prefix" | "suffix" | "contains" | "equal";
interface Match {
  kind: MatchKind;
  pattern: ts.Expression;
}
/** One `if` test as a match of a subject against patterns (any of them). */
interface TestMatch {
  subject: ts.Expression;
  key: string;
  matches: Match[];
  negated: boolean;
}

/** `if (s.startsWith(a)) … else if (s === b) …` as one `case`; undefined when it is not that shape. */
export function lowerIfAsCase(node: ts.IfStatement, ctx: LowerContext): Command | undefined {
  const clauses: { test: TestMatch; body: ts.Statement }[] = [];
  let current: ts.Statement | undefined = node;
  while (current && ts.isIfStatement(current)) {
    const test = testMatch(current.expression, ctx);
    if (!test || (clauses.length > 0 && test.key !== clauses[0]!.test.key)) return undefined;
    clauses.push({ test, body: current.thenStatement });
    current = current.elseStatement;
  }
  const otherwiseNode = current;
  // A lone `s === x` reads as well as a `[ … ]` test: only tests `case` says better convert.
  const single = clauses.length === 1 && clauses[0]!.test.matches.length === 1 && clauses[0]!.test.matches[0]!.kind === "equal";
  if (single || (clauses.length > 1 && clauses.some((c) => c.test.negated))) return undefined;

  const subject = ctx.toWord(ctx.expr(clauses[0]!.test.subject), clauses[0]!.test.subject);
  if (subject.pre.length > 0) return undefined; // cannot happen: subjects are names
  // A constant subject (a `const` with a literal value): `case` would test a constant, which
  // shellcheck rightly flags; the plain `if` says the same without the lint.
  if (sh.isLiteralWord(subject.word)) return undefined;
  const patternLists = clauses.map(({ test }) => test.matches.map((m) => casePattern(m, ctx)));
  // An arm that an earlier pattern always takes over (or an empty pattern, which takes
  // everything) is dead, and shellcheck says so (SC2221/SC2222): the `if` keeps such a chain.
  const shapes = clauses.flatMap(({ test }, i) => test.matches.map((m, j) => ({ kind: m.kind, text: literalPattern(patternLists[i]![j]!, m.kind) })));
  const overridden = (later: Shape, i: number) =>
    later.text !== undefined && ((later.kind !== "equal" && later.text === "") || shapes.slice(0, i).some((earlier) => covers(earlier, later)));
  if (shapes.some(overridden)) return undefined;
  const arms: sh.Case["arms"] = [];
  for (const [i, { test, body }] of clauses.entries()) {
    const patterns = patternLists[i]!;
    const fact = prefixFact(test, subject.word, patterns, ctx);
    if (fact) ctx.prefixFacts.push(fact);
    let commands: Command[];
    try {
      commands = ctx.stmt(body);
    } finally {
      if (fact) ctx.prefixFacts.pop();
    }
    arms.push({ patterns, body: commands });
  }
  const otherwise = otherwiseNode ? ctx.stmt(otherwiseNode) : [];
  const anything: Pattern = { parts: [{ kind: "glob", text: "*" }] };
  if (clauses[0]!.test.negated) {
    // `if (!s.startsWith(p)) A else B`: B where it matches, A everywhere else.
    arms.push({ patterns: [anything], body: arms[0]!.body });
    arms[0]!.body = otherwise;
  } else if (otherwise.length > 0) {
    arms.push({ patterns: [anything], body: otherwise });
  }
  return { kind: "case", subject: subject.word, arms, origin: ctx.origin(node) };
}

function testMatch(e: ts.Expression, ctx: LowerContext): TestMatch | undefined {
  if (ts.isParenthesizedExpression(e)) return testMatch(e.expression, ctx);
  if (ts.isPrefixUnaryExpression(e) && e.operator === K.ExclamationToken) {
    const inner = testMatch(e.operand, ctx);
    return inner && { ...inner, negated: !inner.negated };
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.BarBarToken) {
    const left = testMatch(e.left, ctx);
    const right = testMatch(e.right, ctx);
    if (!left || !right || left.negated || right.negated || left.key !== right.key) return undefined;
    return { ...left, matches: [...left.matches, ...right.matches] };
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op !== K.EqualsEqualsEqualsToken && op !== K.ExclamationEqualsEqualsToken) return undefined;
    if (!isString(e.left, ctx) || !isString(e.right, ctx)) return undefined;
    const negated = op === K.ExclamationEqualsEqualsToken;
    for (const [subject, pattern] of [[e.left, e.right], [e.right, e.left]] as const) {
      const key = subjectKey(subject, ctx);
      if (key && isPure(pattern)) return { subject, key, matches: [{ kind: "equal", pattern }], negated };
    }
    return undefined;
  }
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.arguments.length !== 1) return undefined;
  const kind = methodKinds[e.expression.name.text];
  const receiver = e.expression.expression;
  const pattern = e.arguments[0]!;
  if (!kind || !isStringMethod(e, ctx) || !isString(pattern, ctx) || !isPure(pattern)) return undefined;
  const key = subjectKey(receiver, ctx);
  return key ? { subject: receiver, key, matches: [{ kind, pattern }], negated: false } : undefined;
}

const methodKinds: Record<string, MatchKind> = { startsWith: "prefix", endsWith: "suffix", includes: "contains" };

/** The call resolves to initsh's own lib declaration of the String method (not a user's). */
function isStringMethod(call: ts.CallExpression, ctx: LowerContext): boolean {
  const decl = ctx.checker.getResolvedSignature(call)?.declaration;
  if (!decl || !ctx.isLibFile(sourceFileOf(decl))) return false;
  return ts.isInterfaceDeclaration(decl.parent) && decl.parent.name.text === "String";
}

function isString(e: ts.Expression, ctx: LowerContext): boolean {
  const type = ctx.shTypeOf(e);
  return type?.kind === "string" && !type.optional;
}

/** Subjects are variables and record fields: reading one twice gives the same text. */
function subjectKey(e: ts.Expression, ctx: LowerContext): string | undefined {
  if (ts.isParenthesizedExpression(e)) return subjectKey(e.expression, ctx);
  if (ts.isIdentifier(e)) {
    const symbol = ctx.symbolOf(e);
    return symbol ? `s${symbolId(symbol)}` : undefined;
  }
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && isString(e, ctx)) {
    const outer = subjectKey(e.expression, ctx);
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

function casePattern(m: Match, ctx: LowerContext): Pattern {
  const text = ctx.toWord(ctx.expr(m.pattern), m.pattern);
  if (text.pre.length > 0) throw new Error("internal: a pure pattern ran commands");
  const star = { kind: "glob" as const, text: "*" };
  const parts = text.word.parts as Pattern["parts"];
  if (m.kind === "prefix") return { parts: [...parts, star] };
  if (m.kind === "suffix") return { parts: [star, ...parts] };
  if (m.kind === "contains") return { parts: [star, ...parts, star] };
  return { parts };
}

interface Shape {
  kind: MatchKind;
  /** The pattern's text when it is literal. */
  text: string | undefined;
}

/** The literal text a pattern matches around its `*`s, when it has no expansions. */
function literalPattern(p: Pattern, kind: MatchKind): string | undefined {
  if (!p.parts.every((part) => part.kind === "lit" || part.kind === "glob")) return undefined;
  const text = p.parts.map((part) => (part.kind === "lit" ? part.text : "")).join("");
  return kind === "equal" || text !== "" ? text : "";
}

/** Every text `later` matches, `earlier` matches too. */
function covers(earlier: Shape, later: Shape): boolean {
  const [a, b] = [earlier.text, later.text];
  if (a === undefined || b === undefined) return false;
  switch (earlier.kind) {
    case "equal":
      return later.kind === "equal" && a === b;
    case "prefix":
      return (later.kind === "equal" || later.kind === "prefix") && b.startsWith(a);
    case "suffix":
      return (later.kind === "equal" || later.kind === "suffix") && b.endsWith(a);
    case "contains":
      return b.includes(a);
  }
}

// --- `s.slice(prefix.length)` inside `if (s.startsWith(prefix))` ----------------------------

/**
 * Inside an arm for `name.startsWith(prefix)`: name begins with prefix, whose length is
 * `length`. Holds while the arm runs, as neither name nor any variable in prefix is ever
 * assigned after its declaration.
 */
export interface PrefixFact {
  subject: ts.Symbol;
  name: string;
  prefix: Word;
  length: LengthForm;
  scope: FunctionScope | undefined;
}

/** A string length as a constant plus the lengths of some variables (symbols sorted by id). */
interface LengthForm {
  constant: number;
  names: number[];
}

function prefixFact(test: TestMatch, subject: Word, patterns: Pattern[], ctx: LowerContext): PrefixFact | undefined {
  const [match] = test.matches;
  if (test.negated || test.matches.length !== 1 || match!.kind !== "prefix") return undefined;
  const part = subject.parts.length === 1 ? subject.parts[0] : undefined;
  if (!ts.isIdentifier(test.subject) || part?.kind !== "param" || part.op) return undefined;
  const symbol = ctx.symbolOf(test.subject);
  const length = textLength(match!.pattern, ctx);
  if (!symbol || !length || !neverReassigned(symbol, ctx)) return undefined;
  const prefix = { parts: patterns[0]!.parts.slice(0, -1) } as Word;
  return { subject: symbol, name: part.name, prefix, length, scope: ctx.scope };
}

/** The length of a string expression, when it is literals and never-reassigned string names. */
function textLength(e: ts.Expression, ctx: LowerContext): LengthForm | undefined {
  if (ts.isParenthesizedExpression(e)) return textLength(e.expression, ctx);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { constant: e.text.length, names: [] };
  if (ts.isIdentifier(e) && isString(e, ctx)) {
    const symbol = ctx.symbolOf(e);
    return symbol && neverReassigned(symbol, ctx) ? { constant: 0, names: [symbolId(symbol)] } : undefined;
  }
  if (ts.isTemplateExpression(e)) {
    const parts = [{ constant: e.head.text.length, names: [] }, ...e.templateSpans.flatMap((s) => [textLength(s.expression, ctx), { constant: s.literal.text.length, names: [] }])];
    return sumOf(parts);
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.PlusToken && isString(e.left, ctx) && isString(e.right, ctx)) {
    return sumOf([textLength(e.left, ctx), textLength(e.right, ctx)]);
  }
  return undefined;
}

/** A number expression as a length form: literals, `x.length` of string names, and sums. */
function numberLength(e: ts.Expression, ctx: LowerContext): LengthForm | undefined {
  if (ts.isParenthesizedExpression(e)) return numberLength(e.expression, ctx);
  if (ts.isNumericLiteral(e)) return { constant: Number(e.text), names: [] };
  if (ts.isPropertyAccessExpression(e) && e.name.text === "length" && isString(e.expression, ctx)) return textLength(e.expression, ctx);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.PlusToken) return sumOf([numberLength(e.left, ctx), numberLength(e.right, ctx)]);
  return undefined;
}

function sumOf(forms: (LengthForm | undefined)[]): LengthForm | undefined {
  if (forms.some((f) => !f)) return undefined;
  const all = forms as LengthForm[];
  return { constant: all.reduce((n, f) => n + f.constant, 0), names: all.flatMap((f) => f.names).sort((a, b) => a - b) };
}

const sameLength = (a: LengthForm, b: LengthForm) => a.constant === b.constant && a.names.join() === b.names.join();

/** `s.slice(n)` under a fact that s starts with a prefix n characters long: `${s#prefix}`. */
export function sliceAfterPrefix(call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression): Lowered | undefined {
  if (call.arguments.length !== 1 || !ts.isIdentifier(receiver)) return undefined;
  const symbol = ctx.symbolOf(receiver);
  const length = numberLength(call.arguments[0]!, ctx);
  if (!symbol || !length) return undefined;
  const fact = [...ctx.prefixFacts].reverse().find((f) => f.subject === symbol && f.scope === ctx.scope && sameLength(f.length, length));
  if (!fact) return undefined;
  // A strip is only ever a whole assignment value (see sh/ast.ts): it goes through a temporary.
  const temp = ctx.newTemp();
  const strip = sh.param(fact.name, { kind: "strip", op: "#", pattern: { parts: structuredClone(fact.prefix.parts) } });
  return lowered(stringVal(sh.word(sh.param(temp))), [sh.assign(temp, sh.word(strip), ctx.origin(call))]);
}
