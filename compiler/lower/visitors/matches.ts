import { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import type { Command, Pattern, Word } from "../../sh/ast.ts";
import { neverReassigned } from "../analyses/writes.ts";
import { numberLength, sameLength, testMatch, textLength, type Match, type MatchKind, type TestMatch } from "../analyses/matches.ts";
import type { LowerContext, PrefixFact } from "../context/context.ts";
import { stringVal, lowered, type Lowered } from "../context/values.ts";

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

/** `if (s.startsWith(a)) … else if (s === b) …` as one `case`; undefined when it is not that shape. */
export function lowerIfAsCase(node: ts.IfStatement, ctx: LowerContext): Command | undefined {
  const clauses: { test: TestMatch; body: ts.Statement }[] = [];
  let current: ts.Statement | undefined = node;
  while (current && ts.isIfStatement(current)) {
    const test = testMatch(current.expression, ctx.facts);
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
    if (fact) ctx.position.prefixFacts.push(fact);
    let commands: Command[];
    try {
      commands = ctx.stmt(body);
    } finally {
      if (fact) ctx.position.prefixFacts.pop();
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

function prefixFact(test: TestMatch, subject: Word, patterns: Pattern[], ctx: LowerContext): PrefixFact | undefined {
  const [match] = test.matches;
  if (test.negated || test.matches.length !== 1 || match!.kind !== "prefix") return undefined;
  const part = subject.parts.length === 1 ? subject.parts[0] : undefined;
  if (!ts.isIdentifier(test.subject) || part?.kind !== "param" || part.op) return undefined;
  const symbol = ctx.symbolOf(test.subject);
  const length = textLength(match!.pattern, ctx.facts);
  if (!symbol || !length || !neverReassigned(symbol, ctx.facts)) return undefined;
  const prefix = { parts: patterns[0]!.parts.slice(0, -1) } as Word;
  return { subject: symbol, name: part.name, prefix, length, scope: ctx.position.scope };
}

/** `s.slice(n)` under a fact that s starts with a prefix n characters long: `${s#prefix}`. */
export function sliceAfterPrefix(call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression): Lowered | undefined {
  if (call.arguments.length !== 1 || !ts.isIdentifier(receiver)) return undefined;
  const symbol = ctx.symbolOf(receiver);
  const length = numberLength(call.arguments[0]!, ctx.facts);
  if (!symbol || !length) return undefined;
  const fact = [...ctx.position.prefixFacts].reverse().find((f) => f.subject === symbol && f.scope === ctx.position.scope && sameLength(f.length, length));
  if (!fact) return undefined;
  // A strip is only ever a whole assignment value (see sh/ast.ts): it goes through a temporary.
  const temp = ctx.newTemp();
  const strip = sh.param(fact.name, { kind: "strip", op: "#", pattern: { parts: structuredClone(fact.prefix.parts) } });
  return lowered(stringVal(sh.word(sh.param(temp))), [sh.assign(temp, sh.word(strip), ctx.origin(call))]);
}
