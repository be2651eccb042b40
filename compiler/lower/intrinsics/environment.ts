import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Builtins } from "../builtins/builtin.ts";
import type { LowerContext } from "../context/context.ts";
import { lowered, stringVal, type Lowered } from "../context/values.ts";
import { locationWord } from "./commands.ts";

/** Environment variables, the console, the trace switch and the caller's location. */

/**
 * An environment variable's name: a literal in capitals, digits and `_`. Compiler-made names
 * are never all capitals, so reading or setting one cannot touch the script's own state.
 */
function variableName(call: ts.CallExpression, ctx: LowerContext): string {
  const arg = call.arguments[0];
  if (!arg || !(ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) || !/^[A-Z][A-Z0-9_]*$/.test(arg.text)) {
    return ctx.fail(diagnostics.environmentName(arg ?? call));
  }
  return arg.text;
}

function env(call: ts.CallExpression, ctx: LowerContext): Lowered {
  // Read now: a later setEnv must not change the value already taken.
  return ctx.freeze(lowered({ kind: "optional", name: variableName(call, ctx), inner: "string" }));
}

function setEnv(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const name = variableName(call, ctx);
  const value = ctx.toWord(ctx.expr(call.arguments[1]!), call.arguments[1]!);
  return lowered({ kind: "void" }, [...value.pre, sh.assign(name, value.word), sh.command("export", name)]);
}

function readLine(_call: ts.CallExpression, ctx: LowerContext): Lowered {
  return lowered({ kind: "optional", name: "__r", inner: "string" }, [sh.or(sh.command(ctx.useHelper("__readline")), sh.command(":"))]);
}

function isTerminal(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const arg = call.arguments[0]!;
  if (!ts.isNumericLiteral(arg)) return ctx.fail(diagnostics.unsupportedSyntax(arg, "A file descriptor that is not a literal 0, 1 or 2"));
  return lowered({ kind: "boolean", cond: sh.test("-t", sh.word(arg.text)) });
}

/** `command exec <dev >dev 2>&1`: with `command`, a device that cannot be opened is a failure, not the end of PID 1. */
function useConsole(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const device = ctx.freeze(lowered(stringVal(ctx.toWord(ctx.expr(call.arguments[0]!), call.arguments[0]!).word)));
  const word = (device.val as { word: sh.Word }).word;
  // Input and output in two steps: one command reading and writing a file looks like a mistake.
  const input = sh.command("command", "exec");
  input.redirects.push({ fd: 0, op: "<", target: word });
  const output = sh.command("command", "exec");
  output.redirects.push({ fd: 1, op: ">", target: word }, { fd: 2, op: ">&", target: sh.word("1") });
  const both = sh.and(input, output);
  return lowered({ kind: "boolean", cond: device.pre.length > 0 ? sh.group([...device.pre, both]) : both, effect: true });
}

function traceCommands(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const { pre, cond } = ctx.toCond(ctx.expr(call.arguments[0]!));
  return lowered({ kind: "void" }, [...pre, sh.ifThen([cond], [sh.assign("__trace", sh.word("1"))], [sh.assign("__trace", sh.word(""))])]);
}

function callSite(call: ts.CallExpression, ctx: LowerContext): Lowered {
  return lowered(stringVal(locationWord(call, ctx)));
}

export const environmentIntrinsics: Builtins = {
  env,
  setEnv,
  readLine,
  isTerminal,
  useConsole,
  traceCommands,
  callSite,
};
