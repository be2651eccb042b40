import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Command } from "../../sh/ast.ts";
import { type LowerContext, type StatementVisitors } from "../context/context.ts";
import { lowerIfAsCase } from "./matches.ts";
import { lowerEffect } from "./assignments.ts";
import { lowerCondition } from "./conditions.ts";
import { lowerVariableStatement } from "./declarations.ts";

/** Declarations, assignments, expression statements, blocks and `if`. */

const K = ts.SyntaxKind;

function lowerIf(node: ts.IfStatement, ctx: LowerContext): Command[] {
  const asCase = lowerIfAsCase(node, ctx);
  if (asCase) return [asCase];
  const clauses: { test: Command[]; body: Command[] }[] = [];
  let current: ts.Statement | undefined = node;
  while (current && ts.isIfStatement(current)) {
    clauses.push({ test: [lowerCondition(current.expression, ctx)], body: ctx.stmt(current.thenStatement) });
    current = current.elseStatement;
  }
  const otherwise = current ? ctx.stmt(current) : undefined;
  const command: sh.If = { kind: "if", clauses, origin: ctx.origin(node) };
  if (otherwise && otherwise.length > 0) command.otherwise = otherwise;
  return [command];
}

function lowerImport(node: ts.ImportDeclaration, ctx: LowerContext): Command[] {
  const from = (node.moduleSpecifier as ts.StringLiteral).text;
  if (from === "initsh" || node.importClause?.isTypeOnly) return [];
  return ctx.fail(diagnostics.imports(node.moduleSpecifier, `Only "initsh" can be imported (programs are compiled as one file); '${from}' cannot.`));
}

const typeOnly = () => [];

export const statementVisitors: StatementVisitors = {
  [K.VariableStatement]: (node, ctx) => lowerVariableStatement(node as ts.VariableStatement, ctx),
  [K.ExpressionStatement]: (node, ctx) => lowerEffect((node as ts.ExpressionStatement).expression, ctx),
  [K.Block]: (node, ctx) => ctx.stmts((node as ts.Block).statements),
  [K.IfStatement]: (node, ctx) => lowerIf(node as ts.IfStatement, ctx),
  [K.EmptyStatement]: typeOnly,
  [K.InterfaceDeclaration]: typeOnly,
  [K.TypeAliasDeclaration]: typeOnly,
  [K.ImportDeclaration]: (node, ctx) => lowerImport(node as ts.ImportDeclaration, ctx),
};

