import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Command } from "../../sh/ast.ts";
import type { JumpTarget, LowerContext, StatementVisitors } from "../context/context.ts";
import { constantArrayElements } from "../analyses/fixed-arrays.ts";
import { lowerCondition } from "./conditions.ts";
import { bordered, splitByLiteral } from "../analyses/split-arrays.ts";
import { splitTextArray, textParts } from "./split-arrays.ts";
import { lowerDeclarationList } from "./declarations.ts";
import { lowerEffect } from "./assignments.ts";
import { classifyType, isScalar } from "../analyses/types.ts";
import { lowered, stringVal } from "../context/values.ts";
import { continuesHere, countContinues } from "../analyses/jumps.ts";

/** Loops and the jumps out of them. */

const K = ts.SyntaxKind;

/** Commands a `continue` to a loop runs first: a `for` loop's step, when it is short. */
const continuePrefix = new WeakMap<JumpTarget, Command[]>();

/** Lowers a loop body as the body of one more sh loop. */
export function inLoop<T>(ctx: LowerContext, kind: JumpTarget["kind"], lower: () => T, plainCase = false, beforeContinue?: Command[]): T {
  const depth = plainCase ? ctx.position.shLoopDepth : ctx.position.shLoopDepth + 1;
  const savedDepth = ctx.position.shLoopDepth;
  const target: JumpTarget = { kind, shDepth: depth, plainCase };
  if (beforeContinue) continuePrefix.set(target, beforeContinue);
  ctx.position.jumpTargets.push(target);
  ctx.position.shLoopDepth = depth;
  try {
    return lower();
  } finally {
    ctx.position.jumpTargets.pop();
    ctx.position.shLoopDepth = savedDepth;
  }
}

/** A "first pass" flag: the loop test skips `step` on the first pass, so `continue` runs it. */
function steppedTest(ctx: LowerContext, step: Command[], test: Command): { init: Command; test: Command[] } {
  const first = ctx.newTemp();
  return {
    init: sh.assign(first, sh.word("1")),
    test: [sh.ifThen([sh.test("-n", sh.word(sh.param(first)))], [sh.assign(first, sh.word(""))], step), test],
  };
}

function lowerWhile(node: ts.WhileStatement, ctx: LowerContext): Command[] {
  const test = lowerCondition(node.expression, ctx);
  const body = inLoop(ctx, "loop", () => ctx.stmt(node.statement));
  return [{ kind: "while", test: [test], body, origin: ctx.origin(node) }];
}

function lowerDoWhile(node: ts.DoStatement, ctx: LowerContext): Command[] {
  const test = lowerCondition(node.expression, ctx);
  const body = inLoop(ctx, "loop", () => ctx.stmt(node.statement));
  if (!continuesHere(node.statement)) {
    return [{ kind: "while", test: [sh.command(":")], body: [...body, sh.or(test, sh.command("break"))], origin: ctx.origin(node) }];
  }
  // `continue` must reach the test: run the test in the loop header, skipping it once.
  const first = ctx.newTemp();
  const header = sh.ifThen([sh.test("-n", sh.word(sh.param(first)))], [sh.assign(first, sh.word(""))], [test]);
  return [sh.assign(first, sh.word("1")), { kind: "while", test: [header], body, origin: ctx.origin(node) }];
}

function lowerFor(node: ts.ForStatement, ctx: LowerContext): Command[] {
  const init = !node.initializer
    ? []
    : ts.isVariableDeclarationList(node.initializer)
      ? lowerDeclarationList(node.initializer, ctx)
      : lowerEffect(node.initializer, ctx);
  const test = node.condition ? lowerCondition(node.condition, ctx) : sh.command(":");
  const step = node.incrementor ? lowerEffect(node.incrementor, ctx) : [];
  // `continue` must run the step: a short step is simply written before each `continue`.
  const continues = countContinues(node.statement);
  const repeatStep = continues > 0 && step.length > 0 && step.length * continues <= 3;
  const body = inLoop(ctx, "loop", () => ctx.stmt(node.statement), false, repeatStep ? step : undefined);
  if (step.length === 0 || continues === 0 || repeatStep) {
    return [...init, { kind: "while", test: [test], body: [...body, ...step], origin: ctx.origin(node) }];
  }
  const stepped = steppedTest(ctx, step, test);
  return [...init, stepped.init, { kind: "while", test: stepped.test, body, origin: ctx.origin(node) }];
}

function lowerForOf(node: ts.ForOfStatement, ctx: LowerContext): Command[] {
  if (node.awaitModifier) return ctx.fail(diagnostics.asyncCode(node));
  const list = node.initializer;
  if (!ts.isVariableDeclarationList(list)) return ctx.fail(diagnostics.unsupportedSyntax(list, "A for…of over an existing variable"));
  const decl = list.declarations[0]!;
  if (!ts.isIdentifier(decl.name)) return ctx.fail(diagnostics.destructuring(decl.name));
  if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) ctx.fail(diagnostics.varDeclaration(list));
  const arrayType = ctx.shTypeOf(node.expression);
  if (arrayType?.kind !== "array") return ctx.fail(diagnostics.unsupportedSyntax(node.expression, "for…of over something other than an array"));
  const literal = literalElements(node.expression, decl.name, ctx) ?? constantArrayElements(node.expression, ctx.facts);
  if (literal) return lowerForOfLiteral(node, decl.name, literal, ctx);
  const split = splitByLiteral(node.expression, ctx.facts);
  if (split) return lowerForOfSplit(node, decl.name, ctx.toWord(ctx.expr(split.text), split.text), split.separator, ctx);
  const kept = splitTextArray(node.expression, ctx);
  if (kept) return lowerForOfSplit(node, decl.name, { pre: [], word: sh.word(sh.param(kept.name)) }, kept.separator, ctx);
  const source = ctx.expr(node.expression);
  const frozen = ctx.freeze(source);
  const array = (frozen.val as { word: sh.Word }).word;
  const index = ctx.newTemp();
  const symbol = ctx.symbolOf(decl.name)!;
  const elementType = classifyType(ctx.checker.getTypeOfSymbol(symbol), ctx.checker);
  const name = ctx.newVariable(decl.name.text);
  ctx.bindings.set(symbol, { kind: "var", name, type: elementType ?? { kind: arrayType.element, optional: false }, scope: ctx.position.scope });
  // `__aat` reads the length on every pass: the body may push onto the array, as JS allows.
  const test = sh.command(ctx.useHelper("__aat"), array, sh.word(sh.param(index)));
  const fetch = [
    sh.assign(name, sh.word(sh.param("__r"))),
    sh.assign(index, sh.word(sh.arithPart(sh.binary("+", sh.arithVar(index), sh.num(1))))),
  ];
  const body = inLoop(ctx, "loop", () => ctx.stmt(node.statement));
  return [...frozen.pre, sh.assign(index, sh.word("0")), { kind: "while", test: [test], body: [...fetch, ...body], origin: ctx.origin(node) }];
}

/**
 * The elements of an array literal that `for…of` can walk as the words of a sh `for`: two or
 * more (shellcheck rightly questions a loop over one word), none spread or missing, each a
 * string, number or boolean that is never undefined.
 */
function literalElements(expression: ts.Expression, id: ts.Identifier, ctx: LowerContext): readonly ts.Expression[] | undefined {
  const symbol = ctx.symbolOf(id);
  const type = symbol && classifyType(ctx.checker.getTypeOfSymbol(symbol), ctx.checker);
  if (!type || !isScalar(type) || type.optional) return undefined;
  let e = expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isArrayLiteralExpression(e) || e.elements.length < 2) return undefined;
  for (const element of e.elements) {
    if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) return undefined;
    const type = ctx.shTypeOf(element);
    if (!type || !isScalar(type) || type.optional) return undefined;
  }
  return [...e.elements];
}

/**
 * `for (const kind of ["UUID", "LABEL"])` → `for kind in UUID LABEL`. As in JS, every element
 * is computed first, left to right (a value a later element's computation could change is
 * saved first); the literal itself is not observable anywhere else, so nothing can push onto
 * it. `break` and `continue` work on the sh `for` as on the JS loop.
 */
function lowerForOfLiteral(node: ts.ForOfStatement, id: ts.Identifier, elements: readonly ts.Expression[], ctx: LowerContext): Command[] {
  const items = elements.map((e) => {
    const text = ctx.toWord(ctx.expr(e), e);
    return lowered(stringVal(text.word), text.pre);
  });
  const { pre, vals } = ctx.sequence(items);
  const words = vals.map((v) => (v as { word: sh.Word }).word);
  const symbol = ctx.symbolOf(id)!;
  const type = classifyType(ctx.checker.getTypeOfSymbol(symbol), ctx.checker);
  if (!type || !isScalar(type)) return ctx.failType(id);
  const name = ctx.newVariable(id.text);
  ctx.bindings.set(symbol, { kind: "var", name, type, scope: ctx.position.scope });
  const body = inLoop(ctx, "loop", () => ctx.stmt(node.statement));
  return [...pre, { kind: "for", name, words, body, origin: ctx.origin(node) }];
}

/**
 * `for (const f of line.split(" "))` walks the text itself, with no array (as it walks an array
 * kept as text: see analyses/split-arrays.ts). Each pass takes the text up to the first separator and
 * keeps the rest after it. With the separator appended once, the last field ends in one too,
 * and empty fields come out as JS's split makes them:
 *
 *     f_rest=$line' '
 *     while [ -n "$f_rest" ]; do
 *       f=${f_rest%%' '*} f_rest=${f_rest#*' '}
 *       …
 *     done
 *
 * A separator that can overlap itself ("aa") could make a new one where the appended copy
 * meets the text; there, the last field is told apart by having no separator left:
 *
 *     f_rest=$line; f_more=1
 *     while [ -n "$f_more" ]; do
 *       case $f_rest in *aa*) f=${f_rest%%aa*} f_rest=${f_rest#*aa} ;; *) f=$f_rest f_more= ;; esac
 */
function lowerForOfSplit(node: ts.ForOfStatement, id: ts.Identifier, text: { pre: Command[]; word: sh.Word }, separator: string, ctx: LowerContext): Command[] {
  // Named after the loop variable, for the reader: `line_rest` is what is left to walk (for an
  // unused `_`, `rest`: a leading `__` would read as the compiler's own).
  const walkVariable = (role: string) => ctx.newVariable(id.text.replace(/^_+/, "") ? `${id.text}_${role}` : role);
  const rest = walkVariable("rest");
  const symbol = ctx.symbolOf(id)!;
  const name = ctx.newVariable(id.text);
  ctx.bindings.set(symbol, { kind: "var", name, type: { kind: "string", optional: false }, scope: ctx.position.scope });
  const sep = textParts(separator, ctx);
  const star = { kind: "glob" as const, text: "*" };
  const strip = (op: "%%" | "#", pattern: sh.Pattern) => sh.word(sh.param(rest, { kind: "strip", op, pattern }));
  // Both assignments in one command: they happen left to right, in every sh.
  const assigns = (...pairs: [string, sh.Word][]): sh.Simple => ({
    kind: "simple",
    assigns: pairs.map(([n, value]) => ({ name: n, value })),
    words: [],
    redirects: [],
  });
  const take = assigns([name, strip("%%", { parts: [...sep, star] })], [rest, strip("#", { parts: [star, ...sep] })]);
  const body = (): Command[] => inLoop(ctx, "loop", () => ctx.stmt(node.statement));
  if (!bordered(separator)) {
    return [
      ...text.pre,
      sh.assign(rest, sh.word(...text.word.parts, ...sep)),
      { kind: "while", test: [sh.test("-n", sh.word(sh.param(rest)))], body: [take, ...body()], origin: ctx.origin(node) },
    ];
  }
  const more = walkVariable("more");
  const fetch: Command = {
    kind: "case",
    subject: sh.word(sh.param(rest)),
    arms: [
      { patterns: [{ parts: [star, ...sep, star] }], body: [take] },
      { patterns: [{ parts: [star] }], body: [assigns([name, sh.word(sh.param(rest))], [more, sh.word("")])] },
    ],
  };
  return [
    ...text.pre,
    sh.assign(rest, text.word),
    sh.assign(more, sh.word("1")),
    { kind: "while", test: [sh.test("-n", sh.word(sh.param(more)))], body: [fetch, ...body()], origin: ctx.origin(node) },
  ];
}

function jump(node: ts.BreakStatement | ts.ContinueStatement, ctx: LowerContext): Command[] {
  if (node.label) return ctx.fail(diagnostics.labels(node));
  const isBreak = ts.isBreakStatement(node);
  const target = [...ctx.position.jumpTargets].reverse().find((t) => isBreak || t.kind === "loop");
  if (!target) return ctx.fail(diagnostics.unsupportedSyntax(node, "A jump outside a loop"));
  if (isBreak && target.plainCase) return []; // the end of a `case` arm: `;;` does it.
  const levels = ctx.position.shLoopDepth - target.shDepth + 1;
  const command = sh.command(isBreak ? "break" : "continue");
  if (levels > 1) command.words.push(sh.word(String(levels)));
  const step = isBreak ? [] : (continuePrefix.get(target) ?? []);
  return [...structuredClone(step), command];
}

export const loopVisitors: StatementVisitors = {
  [K.WhileStatement]: (node, ctx) => lowerWhile(node as ts.WhileStatement, ctx),
  [K.DoStatement]: (node, ctx) => lowerDoWhile(node as ts.DoStatement, ctx),
  [K.ForStatement]: (node, ctx) => lowerFor(node as ts.ForStatement, ctx),
  [K.ForOfStatement]: (node, ctx) => lowerForOf(node as ts.ForOfStatement, ctx),
  [K.BreakStatement]: (node, ctx) => jump(node as ts.BreakStatement, ctx),
  [K.ContinueStatement]: (node, ctx) => jump(node as ts.ContinueStatement, ctx),
};
