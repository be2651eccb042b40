import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Command, Word } from "../../sh/ast.ts";
import type { Builtins } from "../builtins/builtin.ts";
import type { LowerContext } from "../context/context.ts";
import { lowered, readsRegister, stringVal, type Lowered, type Val } from "../context/values.ts";
import { runtimeFailure } from "../visitors/pid1.ts";
import { commandNeeds } from "../visitors/needs.ts";

/**
 * run, capture, runWithInput, exec, mkdir, sleep: everything that starts an external program.
 * Command names are string literals (the manifest reads them off the final script); arguments are words, one per
 * value, or every element of an array.
 */

/** Where a command comes from, for the trace: the user's line (in the library, the user's call). */
export function locationWord(node: ts.Node, ctx: LowerContext): Word {
  if (!ctx.inLibrary(node)) return sh.word(ctx.location(node));
  return sh.word(sh.param("__loc", { kind: "default", colon: false, word: sh.word("") }));
}

/** The command name at `index`: a string literal, or a diagnostic. */
export function commandName(call: ts.CallExpression, index: number, ctx: LowerContext): string {
  const arg = call.arguments[index];
  if (!arg || !(ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) || arg.text === "") {
    return ctx.fail(diagnostics.commandNotLiteral(arg ?? call));
  }
  return arg.text;
}

interface Argv {
  pre: Command[];
  /** One word per argument, when no argument is an array. */
  words?: Word[];
  /** Otherwise the id of a temporary array holding every argument. */
  array?: Word;
}


/** The arguments from `from` on, evaluated left to right. */
function argv(call: ts.CallExpression, from: number, ctx: LowerContext): Argv {
  const items: Lowered[] = [];
  let anyArray = false;
  for (const arg of call.arguments.slice(from)) {
    const expression = ts.isSpreadElement(arg) ? arg.expression : arg;
    const value = ctx.expr(expression);
    if (value.val.kind === "array") {
      anyArray = true;
      items.push(value);
    } else {
      if (ts.isSpreadElement(arg)) ctx.fail(diagnostics.spread(arg));
      const text = ctx.toWord(value, expression);
      items.push(lowered(stringVal(text.word), text.pre));
    }
  }
  const { pre, vals } = ctx.sequence(items);
  const words = vals.map((v) => (v as { word: Word }).word);
  if (!anyArray) return { pre, words };
  // Building the array overwrites `__r`: anything read from it is saved first.
  const saved = words.map((w) => {
    if (!readsRegister(w)) return w;
    const frozen = ctx.freeze(lowered(stringVal(w)));
    pre.push(...frozen.pre);
    return (frozen.val as { word: Word }).word;
  });
  const id = ctx.newTemp();
  pre.push(sh.command(ctx.useHelper("__anew")), sh.assign(id, sh.word(sh.param("__r"))));
  vals.forEach((v, i) => {
    const helper = v.kind === "array" ? "__aappend" : "__apush";
    pre.push(sh.command(ctx.useHelper(helper), sh.word(sh.param(id)), saved[i]!));
  });
  return { pre, array: sh.word(sh.param(id)) };
}

/** How a command runs: `__run`, quietly (`__runq`: no error messages; `__runqq`: no output), or `__exec`. */
type Runner = "__run" | "__runq" | "__runqq" | "__exec";

/** `__run LOC cmd args…`, or `__runa __run LOC cmd ARRAY` when some argument is an array. */
function invocation(call: ts.CallExpression, nameIndex: number, ctx: LowerContext, runner: Runner = "__run"): { pre: Command[]; command: sh.Simple } {
  const name = commandName(call, nameIndex, ctx);
  const args = argv(call, nameIndex + 1, ctx);
  const where = locationWord(call, ctx);
  ctx.useHelper(runner);
  const command = args.array
    ? sh.command(ctx.useHelper("__runa"), runner, where, sh.word(name), args.array)
    : sh.command(runner, where, sh.word(name), ...args.words!);
  command.origin = ctx.origin(call);
  const needs = commandNeeds(name, call.arguments.slice(nameIndex + 1), call, ctx);
  if (needs) command.needs = needs;
  return { pre: args.pre, command };
}

function run(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const { pre, command } = invocation(call, 0, ctx);
  return lowered({ kind: "boolean", cond: pre.length > 0 ? sh.group([...pre, command]) : command, effect: true });
}

function runQuiet(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const { pre, command } = invocation(call, 0, ctx, "__runqq");
  return lowered({ kind: "boolean", cond: pre.length > 0 ? sh.group([...pre, command]) : command, effect: true });
}

function captureQuiet(call: ts.CallExpression, ctx: LowerContext): Lowered {
  return capture(call, ctx, true);
}

function capture(call: ts.CallExpression, ctx: LowerContext, quiet = false): Lowered {
  const { pre, command } = invocation(call, 0, ctx, quiet ? "__runq" : "__run");
  const store = sh.or(sh.assign("__r", sh.word({ kind: "command", command })), sh.command("unset", "__r"));
  return lowered({ kind: "optional", name: "__r", inner: "string" }, [...pre, store]);
}

function runWithInput(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const input = ctx.toWord(ctx.expr(call.arguments[0]!), call.arguments[0]!);
  const text = ctx.freeze(lowered(stringVal(input.word), input.pre));
  const { pre, command } = invocation(call, 1, ctx);
  command.redirects.push({ fd: 0, op: "<<", target: (text.val as { word: Word }).word });
  const status = ctx.newTemp();
  return lowered(
    { kind: "boolean", cond: sh.test(sh.word(sh.param(status)), "-eq", "0"), effect: true },
    [...text.pre, ...pre, command, sh.assign(status, sh.word(sh.param("?")))],
  );
}

function exec(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const { pre, command } = invocation(call, 0, ctx, "__exec");
  const name = (call.arguments[0] as ts.StringLiteral).text;
  return lowered({ kind: "void" }, [...pre, command, ...runtimeFailure(call, `cannot execute ${name}`, 127, ctx)]);
}

function mkdir(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const path = ctx.toWord(ctx.expr(call.arguments[0]!), call.arguments[0]!);
  const command = sh.command(ctx.useHelper("__run"), locationWord(call, ctx), "mkdir", "-p", path.word);
  command.origin = ctx.origin(call);
  return lowered({ kind: "boolean", cond: path.pre.length > 0 ? sh.group([...path.pre, command]) : command, effect: true });
}

/** `sleep(0.1)`: a literal may have a fraction (busybox sleep takes one); other values are integers. */
function sleep(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const arg = call.arguments[0]!;
  let seconds: Lowered<Val> & { word: Word };
  if (ts.isNumericLiteral(arg) && /^[0-9]+(\.[0-9]+)?$/.test(arg.text)) {
    seconds = { ...lowered(stringVal(sh.word(arg.text))), word: sh.word(arg.text) };
  } else {
    seconds = ctx.toWord(ctx.expr(arg), arg);
  }
  const command = sh.command(ctx.useHelper("__run"), locationWord(call, ctx), "sleep", seconds.word);
  command.origin = ctx.origin(call);
  return lowered({ kind: "void" }, [...seconds.pre, command]);
}

/** `command -v NAME`, or for a path `[ -f P ] && [ -x P ]` (dash's `command -v` accepts any file): no fork. */
function hasCommand(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const name = commandName(call, 0, ctx);
  if (name.includes("/")) return lowered({ kind: "boolean", cond: sh.and(sh.test("-f", sh.word(name)), sh.test("-x", sh.word(name))) });
  const lookup = sh.command("command", "-v", sh.word(name));
  lookup.redirects.push({ fd: 1, op: ">", target: sh.word("/dev/null") }, { fd: 2, op: ">&", target: sh.word("1") });
  return lowered({ kind: "boolean", cond: lookup });
}

export const commandIntrinsics: Builtins = {
  hasCommand,
  run,
  runQuiet,
  capture: (call, ctx) => capture(call, ctx),
  captureQuiet,
  runWithInput,
  exec,
  mkdir,
  sleep,
};
