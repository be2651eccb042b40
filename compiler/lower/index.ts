import { ts } from "ts-morph";
import type { Visitors } from "./context/context.ts";
import { callVisitors } from "./visitors/calls.ts";
import { lowerModuleVariable } from "./visitors/declarations.ts";
import { expressionVisitors } from "./visitors/expressions.ts";
import { functionStatementVisitors } from "./visitors/functions.ts";
import { loopVisitors } from "./visitors/loops.ts";
import { operatorVisitors } from "./visitors/operators.ts";
import { statementVisitors } from "./visitors/statements.ts";
import { switchVisitors } from "./visitors/switch.ts";

/**
 * The registry: every visitor, merged into one map per node family and keyed by SyntaxKind.
 * A kind missing here is a diagnostic (IS1001), never a crash. The variable declaration entry
 * is how the boot library's module state is lowered on first use (LowerContext.bindingOf).
 */
export const standardVisitors: Visitors = {
  expressions: { ...expressionVisitors, ...operatorVisitors, ...callVisitors },
  statements: {
    ...statementVisitors,
    ...functionStatementVisitors,
    ...loopVisitors,
    ...switchVisitors,
    [ts.SyntaxKind.VariableDeclaration]: (node, ctx) => lowerModuleVariable(node as ts.VariableDeclaration, ctx),
  },
};
