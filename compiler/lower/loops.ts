import { ts } from "ts-morph";
import { diagnostics } from "../diagnostics/codes.ts";
import * as sh from "../sh/ast.ts";
import type { Command } from "../sh/ast.ts";
import type { JumpTarget, LowerContext } from "./context.ts";
import { lowerCondition } from "./operators.ts";
import { lowerDeclarationList, lowerEffect } from "./statements.ts";
import { classifyType } from "./types.ts";
import type { StatementVisitors } from "./visitor.ts";

/** Loops and the jumps out of them. */

const K = ts.SyntaxKind;

/** Lowers a loop body as the body of one more sh loop. */
export function inLoop<T>(ctx: LowerContext, kind: JumpTarget["kind"], lower: () => T, plainCase = false): T {
  const depth = plainCase ? ctx.shLoopDepth : ctx.shLoopDepth + 1;
  const savedDepth = ctx.shLoopDepth;
  ctx.jumpTargets.push({ kind, shDepth: depth, plainCase });
  ctx.shLoopDepth = depth;
  try {
    return lower();
  } finally {
    ctx.jumpTargets.pop();
    ctx.shLoopDepth = savedDepth;
  }
}

/** Whether `continue` inside `body` targets this loop (not a nested loop or function). */
export function continuesHere(body: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isIterationStatement(node, false)) return;
    if (ts.isContinueStatement(node)) found = true;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
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
  const body = inLoop(ctx, "loop", () => ctx.stmt(node.statement));
  if (step.length === 0 || !continuesHere(node.statement)) {
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
  const source = ctx.expr(node.expression);
  const frozen = ctx.freeze(source);
  const array = (frozen.val as { word: sh.Word }).word;
  const index = ctx.newTemp();
  const symbol = ctx.symbolOf(decl.name)!;
  const elementType = classifyType(ctx.checker.getTypeOfSymbol(symbol), ctx.checker);
  const name = ctx.newVariable(decl.name.text);
  ctx.bindings.set(symbol, { kind: "var", name, type: elementType ?? { kind: arrayType.element, optional: false }, scope: ctx.scope });
  // The length is read on every pass: the body may push onto the array, as JS allows.
  const test = sh.group([
    sh.command(ctx.useHelper("__alen"), array),
    sh.test(sh.word(sh.param(index)), "-lt", sh.word(sh.param("__r"))),
  ]);
  const fetch = [
    sh.command(ctx.useHelper("__aget"), array, sh.word(sh.param(index))),
    sh.assign(name, sh.word(sh.param("__r"))),
    sh.assign(index, sh.word(sh.arithPart(sh.binary("+", sh.arithVar(index), sh.num(1))))),
  ];
  const body = inLoop(ctx, "loop", () => ctx.stmt(node.statement));
  return [...frozen.pre, sh.assign(index, sh.word("0")), { kind: "while", test: [test], body: [...fetch, ...body], origin: ctx.origin(node) }];
}

function jump(node: ts.BreakStatement | ts.ContinueStatement, ctx: LowerContext): Command[] {
  if (node.label) return ctx.fail(diagnostics.labels(node));
  const isBreak = ts.isBreakStatement(node);
  const target = [...ctx.jumpTargets].reverse().find((t) => isBreak || t.kind === "loop");
  if (!target) return ctx.fail(diagnostics.unsupportedSyntax(node, "A jump outside a loop"));
  if (isBreak && target.plainCase) return []; // the end of a `case` arm: `;;` does it.
  const levels = ctx.shLoopDepth - target.shDepth + 1;
  const command = sh.command(isBreak ? "break" : "continue");
  if (levels > 1) command.words.push(sh.word(String(levels)));
  return [command];
}

export const loopVisitors: StatementVisitors = {
  [K.WhileStatement]: (node, ctx) => lowerWhile(node as ts.WhileStatement, ctx),
  [K.DoStatement]: (node, ctx) => lowerDoWhile(node as ts.DoStatement, ctx),
  [K.ForStatement]: (node, ctx) => lowerFor(node as ts.ForStatement, ctx),
  [K.ForOfStatement]: (node, ctx) => lowerForOf(node as ts.ForOfStatement, ctx),
  [K.BreakStatement]: (node, ctx) => jump(node as ts.BreakStatement, ctx),
  [K.ContinueStatement]: (node, ctx) => jump(node as ts.ContinueStatement, ctx),
};
