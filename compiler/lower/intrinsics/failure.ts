import type { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import type { Command } from "../../sh/ast.ts";
import type { LowerContext } from "../context.ts";
import { functionInfo } from "../functions.ts";

/**
 * What runs where a `never` operation failed at run time (an exec whose program is missing):
 * an init must not exit, because PID 1 exiting panics the kernel, so it calls the boot
 * library's rescueShell with the source location; a plain script exits with status 127.
 */
export function failureExit(node: ts.Node, message: string, ctx: LowerContext): Command[] {
  const text = `${ctx.location(node)}: ${message}`;
  if (!ctx.initMode) return [sh.command("exit", "127")];
  const decl = ctx.libraryFunction("rescue", "rescueShell");
  if (!decl) return [sh.command("exit", "127")];
  const info = functionInfo(decl, ctx);
  (ctx.scope?.calls ?? ctx.topCalls).add(info);
  // The rescue shell's own commands are traced as coming from here.
  const at = ctx.inLibrary(node) ? [] : [sh.assign("__loc", sh.word(ctx.location(node)))];
  return [...at, sh.command(info.shName, sh.word(text))];
}
