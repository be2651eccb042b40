import { ts } from "ts-morph";

/** Where control leaves a list of statements, for the lowering of loops and `switch`. */

/** The statements end in `break`, `continue` or `return` (nothing falls out of them). */
export const endsInJump = (statements: readonly ts.Statement[]): boolean => {
  const last = statements[statements.length - 1];
  if (!last) return false;
  if (ts.isBlock(last)) return endsInJump(last.statements);
  return ts.isBreakStatement(last) || ts.isContinueStatement(last) || ts.isReturnStatement(last);
};

/** Whether `continue` inside `body` targets this loop (not a nested loop or function). */
export function continuesHere(body: ts.Node): boolean {
  return countContinues(body) > 0;
}

/** How many `continue` statements inside `body` target this loop. */
export function countContinues(body: ts.Node): number {
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isIterationStatement(node, false)) return;
    if (ts.isContinueStatement(node)) count++;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return count;
}
