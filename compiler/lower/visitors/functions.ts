import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Command, Word } from "../../sh/ast.ts";
import { callNeeds } from "./needs.ts";
import { LoweringAbort, type FunctionInfo, type LowerContext, type ParamInfo, type Passing, type StatementVisitors } from "../context/context.ts";
import { type ShType } from "../analyses/types.ts";
import { buildArray } from "./array-literals.ts";
import { literalText, lowered, readVar, type Lowered, type Val } from "../context/values.ts";
import { keptArgument, keptParameterSeparator } from "./split-arrays.ts";
import { inlineCall } from "./inline.ts";
import { inlinedBody } from "../analyses/inline.ts";
import { declareFunction, passingOf } from "./function-info.ts";

/**
 * Functions become sh functions. Arguments are positional; for a parameter that may be
 * undefined the empty word means undefined, and a string that may be undefined is passed
 * tagged (`v` + value when set) so unset stays distinct from "" (see Passing). Results go
 * to the register `__r` (`__r_<field>` for records); a boolean result is the exit status. No `$(…)`: it would fork and lose the callee's effects.
 */

/** Lowers the bodies of every function registered so far, and of those they register in turn. */
export function defineQueuedFunctions(ctx: LowerContext): void {
  for (let info = ctx.script.pendingFunctions.shift(); info; info = ctx.script.pendingFunctions.shift()) {
    // A function written in place at its only call (inline.ts) has no definition of its own.
    if (!inlinedBody(info, ctx.facts)) defineFunction(info, ctx);
  }
}

/** Lowers a function's body into its sh definition, with its own scope and jump targets. */
function defineFunction(info: FunctionInfo, ctx: LowerContext): void {
  const decl = info.node;
  const scope = (info.scope = { info, locals: new Set<string>(), calls: new Set<FunctionInfo>() });
  try {
    ctx.position.within(scope, () => {
      const body: Command[] = [];
      let position = 1;
      for (const param of info.params) {
        for (const [name, , passing, initializer] of paramSlots(param, ctx)) {
          body.push(...receiveParam(name, position++, passing, initializer, ctx));
        }
      }
      if (decl.body && ts.isBlock(decl.body)) body.push(...ctx.stmts(decl.body.statements));
      else if (decl.body) body.push(...returnValue(decl.body as ts.Expression, ctx));
      info.definition = { kind: "function", name: info.shName, body, origin: ctx.origin(decl) };
      ctx.script.functions.push(info);
    });
  } catch (error) {
    if (!(error instanceof LoweringAbort)) throw error;
  }
}

/** Binds a parameter's variables; a record parameter takes one slot per field. */
type Slot = [name: string, type: ShType, passing: Passing, initializer?: ts.Expression];

function paramSlots(param: ParamInfo, ctx: LowerContext): Slot[] {
  const decl = param.declaration;
  const symbol = ctx.symbolOf(decl.name)!;
  const base = (decl.name as ts.Identifier).text;
  if (param.type.kind === "record") {
    const fields = new Map(param.type.fields.map((f) => [f.name, { name: ctx.newVariable(`${base}_${f.name}`), type: f.type }]));
    ctx.bindings.set(symbol, { kind: "record", fields, scope: ctx.position.scope });
    return [...fields.values()].map((f): Slot => [f.name, f.type, f.type.optional ? passingOf(f.type) : "plain"]);
  }
  const name = ctx.newVariable(base);
  const splitBy = keptParameterSeparator(param, ctx);
  if (splitBy !== undefined) {
    ctx.bindings.set(symbol, { kind: "split", name, separator: splitBy });
    return [[name, param.type, "plain"]];
  }
  ctx.bindings.set(symbol, { kind: "var", name, type: param.type, scope: ctx.position.scope });
  return [[name, param.type, param.passing, decl.initializer]];
}

function receiveParam(name: string, position: number, passing: Passing, initializer: ts.Expression | undefined, ctx: LowerContext): Command[] {
  const arg = sh.word(sh.param(String(position)));
  if (passing === "plain") return [sh.assign(name, arg)];
  const tag = passing === "tagged" ? "v" : "";
  const strip = sh.assign(name, sh.word(sh.param(name, { kind: "strip", op: "#", pattern: { parts: [sh.lit("v")] } })));
  const fallback = initializer ? ctx.expr(initializer) : undefined;
  // A literal default: `x=${2:-v50}` then `x=${x#v}` (`x=${2:-50}` untagged).
  const literal = fallback && fallback.pre.length === 0 ? literalText(fallback.val) : undefined;
  if (literal !== undefined && /^[A-Za-z0-9_ .,:=@%+\/-]*$/.test(literal)) {
    const withDefault = sh.assign(name, sh.word(sh.param(String(position), { kind: "default", colon: true, word: sh.word(`${tag}${literal}`) })));
    return tag ? [withDefault, strip] : [withDefault];
  }
  // Copy first: posh mishandles pattern operators on positional parameters.
  if (!fallback) {
    if (!tag) return [sh.assign(name, arg), sh.ifThen([sh.test("-z", sh.word(sh.param(name)))], [sh.command("unset", name)])];
    // `x=$2` then `case $x in v*) x=${x#v} ;; *) unset x ;; esac`
    const tagged: sh.Pattern = { parts: [sh.lit("v"), { kind: "glob", text: "*" }] };
    const any: sh.Pattern = { parts: [{ kind: "glob", text: "*" }] };
    return [
      sh.assign(name, arg),
      { kind: "case", subject: sh.word(sh.param(name)), arms: [{ patterns: [tagged], body: [strip] }, { patterns: [any], body: [sh.command("unset", name)] }] },
    ];
  }
  const whenUndefined = ctx.store(name, fallback);
  if (!tag) return [sh.assign(name, arg), sh.ifThen([sh.test("-z", sh.word(sh.param(name)))], whenUndefined)];
  return [
    sh.assign(name, arg),
    sh.ifThen(
      [sh.test("-n", sh.word(sh.param(name)))],
      [strip],
      whenUndefined,
    ),
  ];
}

/** The argument words for a call: one per scalar or array parameter, one per record field. */
function argumentWords(info: FunctionInfo, call: ts.CallExpression, ctx: LowerContext): { pre: Command[]; words: Word[] } {
  const items: Lowered[] = [];
  const passings: Passing[] = [];
  info.params.forEach((param, i) => {
    if (param.rest) {
      // The rest parameter gets a new array of the remaining arguments, as in JS.
      items.push(buildArray(call.arguments.slice(i), ctx));
      passings.push("plain");
      return;
    }
    const arg = call.arguments[i];
    if (arg && ts.isSpreadElement(arg)) ctx.fail(diagnostics.spread(arg));
    // A parameter kept as text takes the text (split-arrays.ts keeps it only when every argument is a split).
    const asText = arg && keptParameterSeparator(param, ctx) !== undefined;
    let value: Lowered = asText ? keptArgument(arg, ctx) : arg ? ctx.expr(arg) : lowered({ kind: "undefined" });
    if (param.type.kind === "record" && value.val.kind === "undefined" && param.declaration.initializer) {
      value = ctx.expr(param.declaration.initializer);
    }
    if (param.type.kind === "record") {
      if (value.val.kind !== "record") throw new Error("internal: record argument without record value");
      const fields = value.val.fields;
      items.push({ pre: value.pre, val: fields.get(param.type.fields[0]!.name) ?? { kind: "undefined" } });
      for (const f of param.type.fields) {
        if (f !== param.type.fields[0]) items.push(lowered(fields.get(f.name) ?? { kind: "undefined" }));
        passings.push(f.type.optional ? passingOf(f.type) : "plain");
      }
      return;
    }
    items.push(value);
    passings.push(param.passing);
  });
  const { pre, vals } = ctx.sequence(items);
  const words = vals.map((v, i) => (passings[i] === "plain" ? plainWord(v, call, ctx, pre) : optionalWord(v, passings[i] === "tagged", call, ctx, pre)));
  // Trailing empty arguments are left out: a parameter past `$#` reads as empty all the same.
  // (One stays: shellcheck warns about a function whose parameters no call ever passes.)
  while (words.length > 1 && sh.literalText(words[words.length - 1]!) === "") words.pop();
  return { pre, words };
}

function plainWord(v: Val, node: ts.Node, ctx: LowerContext, pre: Command[]): Word {
  if (v.kind === "array") return v.word;
  const text = ctx.toWord(lowered(v), node);
  pre.push(...text.pre);
  return text.word;
}

/** An argument that may be undefined: empty when it is, else its text (after a `v` when tagged). */
function optionalWord(v: Val, tagged: boolean, node: ts.Node, ctx: LowerContext, pre: Command[]): Word {
  if (v.kind === "undefined") return sh.word("");
  if (v.kind === "optional") {
    if (!tagged) return sh.word(sh.orEmpty(v.name));
    return sh.word(sh.param(v.name, { kind: "alternative", colon: false, word: sh.word("v", sh.param(v.name)) }));
  }
  const text = plainWord(v, node, ctx, pre);
  return tagged ? sh.word("v", ...text.parts) : text;
}

/** A call to a user function, its result read from the return register. */
export function lowerUserCall(info: FunctionInfo, call: ts.CallExpression, ctx: LowerContext): Lowered {
  const inlined = inlineCall(info, call, ctx);
  if (inlined) return inlined;
  (ctx.position.scope?.calls ?? ctx.script.topCalls).add(info);
  const { pre, words } = argumentWords(info, call, ctx);
  const invoke = sh.command(info.shName, ...words);
  invoke.origin = ctx.origin(call);
  if (ctx.inLibrary(info.node)) {
    const signature = ctx.checker.getResolvedSignature(call)?.declaration;
    const needs = callNeeds(signature && !ts.isJSDocSignature(signature) ? signature : info.node, call, ctx) ?? callNeeds(info.node, call, ctx);
    if (needs) invoke.needs = needs;
  }
  if (info.returnType.kind === "never") invoke.noReturn = true;
  // A call from the user's program into the boot library: the library's messages and trace
  // name this line (callSite()).
  if (!ctx.inLibrary(call) && ctx.inLibrary(info.node)) pre.push(sh.assign("__loc", sh.word(ctx.location(call))));
  const result = resultOf(info.returnType, invoke, pre);
  // An overload may promise a set value where the implementation's type allows undefined.
  const here = ctx.shTypeOf(call);
  if (result.val.kind === "optional" && here && "optional" in here && !here.optional) {
    return lowered(readVar(result.val.name, result.val.inner), result.pre);
  }
  return result;
}

function resultOf(type: ShType, invoke: sh.Simple, pre: Command[]): Lowered {
  switch (type.kind) {
    case "boolean":
      if (!type.optional) return lowered({ kind: "boolean", cond: pre.length ? sh.group([...pre, invoke]) : invoke, effect: true });
      return lowered({ kind: "optional", name: "__r", inner: "boolean" }, [...pre, invoke]);
    case "string":
    case "number":
      return lowered(type.optional ? { kind: "optional", name: "__r", inner: type.kind } : readVar("__r", type.kind), [...pre, invoke]);
    case "array":
      if (type.optional) return lowered({ kind: "optional", name: "__r", inner: "array" }, [...pre, invoke]);
      return lowered({ kind: "array", word: sh.word(sh.param("__r")) }, [...pre, invoke]);
    case "record":
      return lowered(
        {
          kind: "record",
          fields: new Map(
            type.fields.map((f) => {
              const register = returnRegister(f.name);
              const val: Val = f.type.optional ? { kind: "optional", name: register, inner: f.type.kind } : readVar(register, f.type.kind);
              return [f.name, val];
            }),
          ),
        },
        [...pre, invoke],
      );
    case "undefined":
      return lowered({ kind: "undefined" }, [...pre, invoke]);
    case "void":
    case "never":
      return lowered({ kind: "void" }, [...pre, invoke]);
  }
}

const returnRegister = (field: string) => `__r_${field.replace(/[^A-Za-z0-9_]/g, "_")}`;

/** `return expr` (or an arrow function's expression body) in the current function. */
export function returnValue(expr: ts.Expression | undefined, ctx: LowerContext): Command[] {
  const type = ctx.position.scope?.info.returnType;
  if (!type || !expr) return [sh.command("return")];
  const value = ctx.expr(expr);
  switch (type.kind) {
    case "boolean":
      if (!type.optional) {
        const v = value.val;
        if (v.kind === "boolean" && v.word && v.word.parts.length === 1 && v.word.parts[0]!.kind === "lit") {
          return [...value.pre, sh.command("return", (v.word.parts[0] as sh.Lit).text === "true" ? "0" : "1")];
        }
        const { pre, cond } = ctx.toCond(value);
        return [...pre, cond, sh.command("return")];
      }
      return [...ctx.store("__r", value), sh.command("return")];
    case "record": {
      if (value.val.kind !== "record") throw new Error("internal: record return without record value");
      const fields = value.val.fields;
      const stores = type.fields.flatMap((f) => ctx.store(returnRegister(f.name), lowered(fields.get(f.name) ?? { kind: "undefined" })));
      return [...value.pre, ...stores, sh.command("return")];
    }
    case "void":
    case "never":
    case "undefined":
      return [...value.pre, sh.command("return")];
    default:
      return [...ctx.store("__r", value), sh.command("return")];
  }
}

export const functionStatementVisitors: StatementVisitors = {
  [ts.SyntaxKind.FunctionDeclaration]: (node, ctx) => declareFunction(node as ts.FunctionDeclaration, ctx),
  [ts.SyntaxKind.ReturnStatement]: (node, ctx) => returnValue((node as ts.ReturnStatement).expression, ctx),
};

