import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Command, Pattern, Word } from "../../sh/ast.ts";
import { endsInJump } from "../analyses/jumps.ts";
import type { LowerContext, StatementVisitors } from "../context/context.ts";
import { arithWord } from "../context/values.ts";
import { inLoop } from "./loops.ts";

/**
 * `switch` becomes `case`. When every clause ends in a jump and nothing else breaks out of
 * it, the `case` is a plain one (default arm moved last, since `case` tries arms in order).
 * Otherwise fallthrough is kept exactly: the matching clause's index picks where to start,
 * each clause runs when that index is at or before it, all inside a one-pass loop that
 * `break` leaves.
 */

interface ClauseGroup {
  labels: ts.Expression[];
  isDefault: boolean;
  statements: readonly ts.Statement[];
}

function groups(node: ts.SwitchStatement): ClauseGroup[] {
  const out: ClauseGroup[] = [];
  let pending: ClauseGroup = { labels: [], isDefault: false, statements: [] };
  for (const clause of node.caseBlock.clauses) {
    if (ts.isDefaultClause(clause)) pending.isDefault = true;
    else pending.labels.push(clause.expression);
    if (clause.statements.length > 0) {
      out.push({ ...pending, statements: clause.statements });
      pending = { labels: [], isDefault: false, statements: [] };
    }
  }
  if (pending.labels.length > 0 || pending.isDefault) out.push(pending);
  return out;
}

/** A `break` that leaves this switch from anywhere but the end of a clause. */
function hasInnerBreak(statements: readonly ts.Statement[]): boolean {
  let found = false;
  const visit = (node: ts.Node, top: boolean): void => {
    if (found || ts.isFunctionLike(node) || ts.isIterationStatement(node, false) || ts.isSwitchStatement(node)) return;
    if (ts.isBreakStatement(node) && !top) found = true;
    ts.forEachChild(node, (child) => visit(child, false));
  };
  statements.forEach((s, i) => {
    if (ts.isBreakStatement(s) && i === statements.length - 1) return;
    if (ts.isBlock(s) && i === statements.length - 1) {
      s.statements.forEach((inner, j) => (ts.isBreakStatement(inner) && j === s.statements.length - 1 ? undefined : visit(inner, false)));
      return;
    }
    visit(s, false);
  });
  return found;
}

function labelPattern(label: ts.Expression, ctx: LowerContext): Pattern {
  const value = ctx.expr(label);
  if (value.pre.length > 0) ctx.fail(diagnostics.caseLabelEffects(label));
  const text = ctx.toWord(value, label);
  if (text.pre.length > 0) ctx.fail(diagnostics.caseLabelEffects(label));
  return { parts: text.word.parts };
}

function subjectWord(node: ts.SwitchStatement, ctx: LowerContext): { pre: Command[]; word: Word } {
  const type = ctx.shTypeOf(node.expression);
  if (!type || !("optional" in type) || type.optional) {
    return ctx.failType(node.expression);
  }
  const value = ctx.freeze(ctx.expr(node.expression));
  const v = value.val;
  return { pre: value.pre, word: v.kind === "number" ? arithWord(v.arith) : (v as { word: Word }).word };
}

function lowerSwitch(node: ts.SwitchStatement, ctx: LowerContext): Command[] {
  const clauseGroups = groups(node);
  const subject = subjectWord(node, ctx);
  const labelsOf = (g: ClauseGroup): Pattern[] =>
    g.isDefault ? [{ parts: [{ kind: "glob", text: "*" }] }] : g.labels.map((l) => labelPattern(l, ctx));
  const plain =
    clauseGroups.every((g, i) => endsInJump(g.statements) || i === clauseGroups.length - 1) &&
    !clauseGroups.some((g) => hasInnerBreak(g.statements));
  if (plain) {
    const arms = inLoop(ctx, "switch", () =>
      clauseGroups.map((g) => ({ patterns: labelsOf(g), body: ctx.stmts(g.statements), isDefault: g.isDefault })),
      true,
    );
    const ordered = [...arms.filter((a) => !a.isDefault), ...arms.filter((a) => a.isDefault)];
    return [...subject.pre, { kind: "case", subject: subject.word, arms: ordered.map(({ patterns, body }) => ({ patterns, body })), origin: ctx.origin(node) }];
  }
  const entry = ctx.newTemp();
  const defaultIndex = clauseGroups.findIndex((g) => g.isDefault);
  const pick: sh.Case = {
    kind: "case",
    subject: subject.word,
    arms: [
      ...clauseGroups.flatMap((g, i) =>
        g.labels.length === 0 ? [] : [{ patterns: g.labels.map((l) => labelPattern(l, ctx)), body: [sh.assign(entry, sh.word(String(i + 1)))] }],
      ),
      { patterns: [{ parts: [{ kind: "glob", text: "*" }] }], body: [sh.assign(entry, sh.word(String(defaultIndex >= 0 ? defaultIndex + 1 : clauseGroups.length + 1)))] },
    ],
  };
  const clauses = inLoop(ctx, "switch", () =>
    clauseGroups.map((g, i) =>
      sh.ifThen([sh.test(sh.word(sh.param(entry)), "-le", String(i + 1))], ctx.stmts(g.statements)),
    ),
  );
  return [...subject.pre, pick, { kind: "while", test: [sh.command(":")], body: [...clauses, sh.command("break")], origin: ctx.origin(node) }];
}

export const switchVisitors: StatementVisitors = {
  [ts.SyntaxKind.SwitchStatement]: (node, ctx) => lowerSwitch(node as ts.SwitchStatement, ctx),
};
