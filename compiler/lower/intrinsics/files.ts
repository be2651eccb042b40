import type { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import type { Word } from "../../sh/ast.ts";
import type { Builtins } from "../builtins/builtin.ts";
import type { LowerContext } from "../context/context.ts";
import { lowered, type Lowered } from "../context/values.ts";
import { fileNeeds } from "../visitors/needs.ts";

/** File tests and fork-free file access: `[ -e ]`, read loops, `printf >`, globs. */

function pathArgs(call: ts.CallExpression, ctx: LowerContext): { pre: sh.Command[]; words: Word[] } {
  const items = call.arguments.map((arg) => {
    const text = ctx.toWord(ctx.expr(arg), arg);
    return lowered({ kind: "string", word: text.word }, text.pre);
  });
  const { pre, vals } = ctx.sequence(items);
  return { pre, words: vals.map((v) => (v as { word: Word }).word) };
}

/** `exists(p)` and friends: `[ -e "$p" ]`. */
const fileTest =
  (flag: string) =>
  (call: ts.CallExpression, ctx: LowerContext): Lowered => {
    const { pre, words } = pathArgs(call, ctx);
    const test = sh.test(flag, words[0]!);
    const needs = fileNeeds(call.arguments[0], call, ctx);
    if (needs) Object.assign(test, { needs, origin: ctx.origin(call) });
    return lowered({ kind: "boolean", cond: pre.length > 0 ? sh.group([...pre, test]) : test, effect: pre.length > 0 });
  };

function readFile(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const { pre, words } = pathArgs(call, ctx);
  const read = sh.command(ctx.useHelper("__readfile"), words[0]!);
  const needs = fileNeeds(call.arguments[0], call, ctx);
  if (needs) Object.assign(read, { needs, origin: ctx.origin(call) });
  return lowered({ kind: "optional", name: "__r", inner: "string" }, [...pre, sh.or(read, sh.command(":"))]);
}

/** writeFile / appendFile: the text, without a newline, by a builtin; the status says if it worked. */
const write =
  (helper: "__writefile" | "__appendfile") =>
  (call: ts.CallExpression, ctx: LowerContext): Lowered => {
    const { pre, words } = pathArgs(call, ctx);
    const command = sh.command(ctx.useHelper(helper), words[0]!, words[1]!);
    return lowered({ kind: "boolean", cond: pre.length > 0 ? sh.group([...pre, command]) : command, effect: true });
  };

function listDir(call: ts.CallExpression, ctx: LowerContext): Lowered {
  const { pre, words } = pathArgs(call, ctx);
  const list = sh.command(ctx.useHelper("__listdir"), words[0]!);
  const needs = fileNeeds(call.arguments[0], call, ctx);
  if (needs) Object.assign(list, { needs, origin: ctx.origin(call) });
  return lowered({ kind: "array", word: sh.word(sh.param("__r")) }, [...pre, list]);
}

export const fileIntrinsics: Builtins = {
  exists: fileTest("-e"),
  isDir: fileTest("-d"),
  isFile: fileTest("-f"),
  isBlockDevice: fileTest("-b"),
  isSymlink: fileTest("-L"),
  isExecutable: fileTest("-x"),
  readFile,
  writeFile: write("__writefile"),
  appendFile: write("__appendfile"),
  listDir,
};
