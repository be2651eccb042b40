import type { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import type { Arith, Command } from "../../sh/ast.ts";
import type { FunctionInfo, LowerContext } from "../context/context.ts";
import { functionInfo } from "./function-info.ts";
import { LOCATION } from "../../sh/registers.ts";

/**
 * PID 1 must never exit: the kernel panics ("Attempted to kill init"). In an init program,
 * every way the script itself can fail at run time — a runtime helper's error, a division by
 * zero, an exec that cannot start, the shell stopping on an error, the script running off
 * its end — goes to the boot library's rescueShell with the source line. A plain program
 * exits with a message, as before.
 */

/** The boot library's rescueShell, as a function the script calls; undefined outside an init. */
export function rescueFunction(ctx: LowerContext): FunctionInfo | undefined {
  if (!ctx.script.initMode) return undefined;
  const decl = ctx.script.libraryFunction("rescue", "rescueShell");
  if (!decl) return undefined;
  const info = functionInfo(decl, ctx);
  (ctx.position.scope?.calls ?? ctx.script.topCalls).add(info);
  return info;
}

/** `__loc=init.ts:42` before code of the user's program that may fail, so the message names it. */
export function failureSite(node: ts.Node, ctx: LowerContext): Command[] {
  return ctx.script.initMode && !ctx.inLibrary(node) ? [sh.assign("__loc", sh.word(ctx.location(node)))] : [];
}

/**
 * What runs where the script fails at `node`: in an init, the rescue shell with
 * `init.ts:42: message` (and its commands traced as coming from that line); elsewhere, `exit
 * status`.
 */
export function runtimeFailure(node: ts.Node, message: string, status: number, ctx: LowerContext): Command[] {
  const rescue = rescueFunction(ctx);
  if (!rescue) return [sh.command("exit", String(status))];
  const call = sh.command(rescue.shName, sh.word(`${ctx.location(node)}: ${message}`));
  call.noReturn = true;
  return [...failureSite(node, ctx), call];
}

/**
 * In an init, `[ "$((b))" -ne 0 ] || rescue …` before `a % b` or `Math.floor(a / b)`: sh would
 * stop on a division by zero (and posh without running the EXIT trap). A non-zero literal
 * divisor needs no check.
 */
export function divisorCheck(divisor: Arith, node: ts.Node, ctx: LowerContext): Command[] {
  if (!ctx.script.initMode || (divisor.kind === "num" && divisor.value !== 0)) return [];
  const nonZero = sh.test(sh.word(sh.arithPart(divisor)), "-ne", "0");
  return [sh.or(nonZero, sh.group(runtimeFailure(node, "division by zero", 1, ctx)))];
}

/**
 * The first command of an init: a trap that turns the script's exit — an error the shell
 * stops on, or running off its end — into the rescue shell. `__loc` names the last line of
 * the user's program that called into the boot library. Without the boot library (an init
 * that imports nothing from initsh), a loop of shells.
 */
export function exitTrap(ctx: LowerContext): Command[] {
  const rescue = rescueFunction(ctx);
  const message = "the init script stopped, and PID 1 must never exit";
  const action = rescue
    ? `${rescue.shName} "\${__loc:-init}: ${message}"`
    : `printf '%s\\n' 'init: ${message}: starting a shell' >&2; while :; do sh; done`;
  // Compiler-written syntax, which the printer single-quotes: the trap expands it when it runs.
  const trap = sh.command("trap", sh.word({ kind: "lit", text: action, syntax: true }), "EXIT");
  if (!rescue) trap.needs = { commands: ["sh"] };
  return [trap];
}

/** `__fail` in an init: the helper's message goes to the rescue shell, with the line. */
export function initFailHelper(rescue: FunctionInfo): Command {
  const where = sh.param(LOCATION, { kind: "default", colon: true, word: sh.word("init") });
  return { kind: "function", name: "__fail", body: [sh.command(rescue.shName, sh.word(where, ": ", sh.param("1")))] };
}
