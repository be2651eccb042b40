import type { ts } from "ts-morph";
import type { Command } from "../sh/ast.ts";
import type { LowerContext } from "./context.ts";
import type { Lowered } from "./values.ts";

/** Lowers one kind of expression to a value and the commands that compute it. */
export type ExpressionVisitor = (node: ts.Expression, ctx: LowerContext) => Lowered;
/** Lowers one kind of statement to commands. */
export type StatementVisitor = (node: ts.Statement, ctx: LowerContext) => Command[];

export type ExpressionVisitors = Partial<Record<ts.SyntaxKind, ExpressionVisitor>>;
export type StatementVisitors = Partial<Record<ts.SyntaxKind, StatementVisitor>>;

export interface Visitors {
  expressions: ExpressionVisitors;
  statements: StatementVisitors;
}
