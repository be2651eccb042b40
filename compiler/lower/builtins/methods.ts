import { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import type { Word } from "../../sh/ast.ts";
import type { LowerContext } from "../context/context.ts";
import { buildArray } from "../visitors/array-literals.ts";
import { joinedArray, joinJoined, pushJoined } from "../visitors/joined-arrays.ts";
import { bordered } from "../analyses/split-arrays.ts";
import { includesSplit, splitTextArray } from "../visitors/split-arrays.ts";
import { sliceAfterPrefix } from "../visitors/matches.ts";
import { lowered, readsRegister, stringVal, type Lowered } from "../context/values.ts";
import type { Builtins } from "./builtin.ts";
import { failureSite } from "../visitors/pid1.ts";

/** String and array methods: each a call to its runtime helper, arguments evaluated in order. */

/** Receiver and arguments as words, evaluated left to right. */
function operands(call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression): { pre: sh.Command[]; words: Word[] } {
  const items = [receiver, ...call.arguments].map((e) => {
    const value = ctx.expr(e);
    if (value.val.kind === "array") return value;
    const text = ctx.toWord(value, e);
    return lowered(stringVal(text.word), text.pre);
  });
  const { pre, vals } = ctx.sequence(items);
  return { pre, words: vals.map((v) => (v as { word: Word }).word) };
}

type ResultKind = Parameters<LowerContext["callHelper"]>[2];

/** A method lowered to `helper receiver args…`. */
const viaHelper =
  (helper: string, kind: ResultKind) =>
  (call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression | undefined): Lowered => {
    const { pre, words } = operands(call, ctx, receiver!);
    const result = ctx.callHelper(helper, words, kind);
    return lowered(result.val, [...pre, ...result.pre]);
  };

/** A replacement string can hold JS's `$&`-style patterns unless it is a literal without `$`. */
const replacing =
  (plain: string, expanding: string) =>
  (call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression | undefined): Lowered => {
    const replacement = call.arguments[1]!;
    const literal = ts.isStringLiteral(replacement) || ts.isNoSubstitutionTemplateLiteral(replacement);
    const helper = literal && !replacement.text.includes("$") ? plain : expanding;
    return viaHelper(helper, "string")(call, ctx, receiver);
  };

export const stringBuiltins: Builtins = {
  "String.startsWith": viaHelper("__startswith", "boolean"),
  "String.endsWith": viaHelper("__endswith", "boolean"),
  "String.includes": viaHelper("__includes", "boolean"),
  "String.indexOf": viaHelper("__indexof", "number"),
  "String.slice": (call, ctx, receiver) =>
    call.arguments.length === 0
      ? ctx.expr(receiver!)
      : sliceAfterPrefix(call, ctx, receiver!) ??
        viaHelper(call.arguments.length === 1 ? "__slicefrom" : "__slice", "string")(call, ctx, receiver),
  "String.substring": viaHelper("__substring", "string"),
  "String.split": (call, ctx, receiver): Lowered => {
    // The common literal separator picks its own helper: most programs never split by "".
    const sep = call.arguments[0]!;
    const literal = ts.isStringLiteral(sep) || ts.isNoSubstitutionTemplateLiteral(sep) ? sep.text : undefined;
    const helper = literal === undefined ? "__splitany" : literal === "" ? "__splitchars" : bordered(literal) ? "__split" : "__splitplain";
    return viaHelper(helper, "array")(call, ctx, receiver);
  },
  "String.trim": viaHelper("__trim", "string"),
  "String.trimStart": viaHelper("__trimstart", "string"),
  "String.trimEnd": viaHelper("__trimend", "string"),
  "String.replace": replacing("__replace", "__replacex"),
  "String.replaceAll": replacing("__replaceall", "__replaceallx"),
  // A negative count is an error (JS throws a RangeError): in an init, with this line named.
  "String.repeat": (call, ctx, receiver) => {
    const { pre, words } = operands(call, ctx, receiver!);
    const result = ctx.callHelper("__repeat", words, "string");
    return lowered(result.val, [...pre, ...failureSite(call, ctx), ...result.pre]);
  },
  "String.padStart": viaHelper("__padstart", "string"),
};

function push(call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression | undefined): Lowered {
  const joined = joinedArray(receiver!, ctx);
  if (joined) return pushJoined(joined, call, ctx);
  if (call.arguments.some(ts.isSpreadElement)) return pushSpread(call, ctx, receiver!);
  const { pre, words } = operands(call, ctx, receiver!);
  const [array, ...items] = words;
  // Each push overwrites `__r`: a later item read from it must be saved before the first push.
  for (let i = 1; i < items.length; i++) {
    if (readsRegister(items[i]!)) {
      const saved = ctx.freeze(lowered(stringVal(items[i]!)));
      pre.push(...saved.pre);
      items[i] = (saved.val as { word: Word }).word;
    }
  }
  const commands = items.map((item) => sh.command(ctx.useHelper("__apush"), array!, item));
  if (commands.length === 0) return ctx.callHelper("__alen", [array!], "number");
  return lowered({ kind: "number", arith: sh.arithVar("__r") }, [...pre, ...commands]);
}

/** `a.push(x, ...xs)`: the arguments are one new array, appended (so `a.push(...a)` doubles a). */
function pushSpread(call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression): Lowered {
  const { pre, vals } = ctx.sequence([ctx.expr(receiver), buildArray(call.arguments, ctx)]);
  const [array, items] = vals.map((v) => (v as { word: Word }).word);
  return lowered({ kind: "number", arith: sh.arithVar("__r") }, [...pre, sh.command(ctx.useHelper("__aappend"), array!, items!)]);
}

function join(call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression | undefined): Lowered {
  const joined = joinedArray(receiver!, ctx);
  if (joined) return joinJoined(joined, call, ctx);
  const { pre, words } = operands(call, ctx, receiver!);
  if (words.length === 1) words.push(sh.word(","));
  const result = ctx.callHelper("__ajoin", words, "string");
  return lowered(result.val, [...pre, ...result.pre]);
}

function includes(call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression | undefined): Lowered {
  const kept = splitTextArray(receiver!, ctx);
  if (kept) return includesSplit(kept, call, ctx);
  return viaHelper("__aincludes", "boolean")(call, ctx, receiver);
}

export const arrayBuiltins: Builtins = {
  "Array.push": push,
  "Array.join": join,
  "ReadonlyArray.join": join,
  "Array.includes": includes,
  "ReadonlyArray.includes": includes,
};
