import type { Command } from "../sh/ast.ts";
import { sameTree } from "../sh/walk.ts";
import { propagateCopies } from "./copies.ts";
import { foldDefaults } from "./defaults.ts";
import { assignDirectly } from "./direct.ts";
import { assignEarly } from "./early.ts";
import { checkBeforeCopy } from "./guards.ts";
import { Effects, readCounts } from "./effects.ts";
import { foldArithmetic, foldConstants } from "./fold.ts";
import { dropFinalReturns } from "./returns.ts";
import { removeUnusedAssignments } from "./unused.ts";

/**
 * The passes over the shell AST, in order. `functions` are the script's function definitions
 * (and the comments between them), `main` its top-level commands; both come back rewritten,
 * `functions` with the same number of entries. Each pass keeps behaviour exactly, in every
 * target shell; together they remove what lowering adds to stay simple: constant conditions,
 * temporaries that copy a value nothing changes, assignments nothing reads, trailing returns.
 */
export function optimize(functions: Command[], main: Command[]): [Command[], Command[]] {
  const split = (all: Command[]): [Command[], Command[]] => [all.slice(0, functions.length), all.slice(functions.length)];
  let all = [...functions, ...main];
  // A round that changed nothing returns the very list it was given (sh/walk.ts), so most
  // rounds are told apart by identity; comparing the trees settles the rest.
  let before = all;
  for (let round = 0; round < 6; round++) {
    all = foldConstants(foldArithmetic(all));
    all = foldDefaults(all);
    all = propagateCopies(all, new Effects(all), readCounts(all));
    all = assignDirectly(all, readCounts(all));
    all = assignEarly(all, new Effects(all), readCounts(all));
    all = checkBeforeCopy(all, new Effects(all));
    all = removeUnusedAssignments(all);
    if (all === before || sameTree(all, before)) break;
    before = all;
  }
  all = dropFinalReturns(all);
  if (!all.slice(0, functions.length).every((c, i) => c.kind === functions[i]!.kind)) throw new Error("internal: a pass moved a function");
  return split(all);
}

/**
 * The passes a variant's program needs once its configuration slots hold values (see
 * specialize.ts): the program was optimised before, so what is left is folding the tests that
 * became constant — in the function definitions that changed (each one on its own) and the
 * top level — and removing what that left unread. A round that changes nothing ends it.
 */
export function optimizeSpecialized(functions: Command[], main: Command[], changed: ReadonlySet<Command>): [Command[], Command[]] {
  const fold = (list: Command[]) => foldDefaults(foldConstants(foldArithmetic(list)));
  let defs = functions;
  let top = main;
  let dirty = changed;
  for (let round = 0; round < 6; round++) {
    const folded = defs.map((c) => (dirty.has(c) ? fold([c])[0]! : c));
    const foldedTop = top.some((c) => dirty.has(c)) ? fold(top) : top;
    const all = removeUnusedAssignments([...folded, ...foldedTop]);
    const nextDefs = all.slice(0, defs.length);
    const nextTop = all.slice(defs.length);
    const moved = new Set([...nextDefs.filter((c, i) => c !== defs[i]), ...nextTop.filter((c) => !top.includes(c))]);
    defs = nextDefs;
    top = nextTop;
    if (moved.size === 0) break;
    dirty = moved;
  }
  const all = dropFinalReturns([...defs, ...top]);
  return [all.slice(0, defs.length), all.slice(defs.length)];
}
