import { ts } from "ts-morph";
import * as sh from "../sh/ast.ts";
import { forEachChild, readCounts } from "../passes/effects.ts";
import type { Command } from "../sh/ast.ts";
import { liveHelpers, resolveHelpers } from "../runtime/resolve.ts";
import type { Helper } from "../runtime/helpers.ts";
import { callVisitors } from "./calls.ts";
import { LowerContext, type FunctionInfo } from "./context.ts";
import { expressionVisitors } from "./expressions.ts";
import { defineQueuedFunctions, functionStatementVisitors } from "./functions.ts";
import { loopVisitors } from "./loops.ts";
import { operatorVisitors } from "./operators.ts";
import { lowerModuleVariable, statementVisitors } from "./statements.ts";
import { switchVisitors } from "./switch.ts";
import type { Visitors } from "./visitor.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnostics } from "../diagnostics/codes.ts";
import { optimize, optimizeSpecialized } from "../passes/optimize.ts";
import { markCallsThatNeverReturn } from "../passes/exits.ts";
import { alwaysJumps } from "../passes/shapes.ts";
import { dropRepeatedLocations } from "../passes/locations.ts";
import { forEachCommand, mapCommands } from "../sh/walk.ts";
import { exitTrap, initFailHelper, rescueFunction } from "./pid1.ts";
import { bindCompileTime, valueAt } from "./config.ts";
import type { ConfigValue, VariantSet } from "../front/variants.ts";
import { specialize } from "../passes/specialize.ts";
import { collectManifest } from "../manifest/collect.ts";

/** Every visitor, merged into one map per node family and keyed by SyntaxKind. */
export const standardVisitors: Visitors = {
  expressions: { ...expressionVisitors, ...operatorVisitors, ...callVisitors },
  statements: { ...statementVisitors, ...functionStatementVisitors, ...loopVisitors, ...switchVisitors },
};

export interface LoweredProgram {
  commands: Command[];
  diagnostics: Diagnostic[];
  /** What the final script may need at boot (see compiler/manifest). */
  needs: ReturnType<typeof collectManifest>;
}

/**
 * Lowers a whole program: runtime helpers it uses, then its functions (hoisted, as JS
 * hoists them), then its top-level statements in order.
 */
export interface ProgramInput {
  checker: ts.TypeChecker;
  /** dsl/lib.d.ts: builtins are recognised by the declarations in it (and in dsl/intrinsics.ts). */
  libFileName: string;
  /** Finds a boot library function the compiler calls itself (rescueShell, for a failed exec). */
  libraryFunction?: (module: string, name: string) => ts.FunctionDeclaration | undefined;
  /** The source's variants: their computation ran at compile time. */
  variants?: VariantSet;
}

export function lowerProgram(source: ts.SourceFile, input: ProgramInput): LoweredProgram {
  return finishProgram(lowerSource(source, input));
}

/** A program lowered and optimised once, before any variant's values are put in. */
export interface LoweredSource {
  ctx: LowerContext;
  source: ts.SourceFile;
  entry: FunctionInfo | undefined;
  rescue: FunctionInfo | undefined;
  functions: Command[];
  main: Command[];
}

/**
 * Lowers a program and runs the passes over it. A source with variants is lowered once for
 * all of them: the configuration's fields are slots (lower/config.ts) that finishProgram fills
 * in per variant.
 */
export function lowerSource(source: ts.SourceFile, input: ProgramInput): LoweredSource {
  const ctx = new LowerContext(input.checker, standardVisitors, input.libFileName);
  ctx.entryFile = source;
  ctx.declareModuleVariable = (decl) => lowerModuleVariable(decl, ctx);
  if (input.libraryFunction) ctx.libraryFunction = input.libraryFunction;
  // The statements that compute the variants ran at compile time: their constants are values.
  const compileTime = input.variants?.compileTime;
  if (input.variants) bindCompileTime(input.variants.constants, ctx);
  checkInitEntry(source, ctx);
  const statements = source.statements.filter((s) => !compileTime?.has(s));
  // An init's first command: whatever makes the script exit goes to the rescue shell instead.
  const main = [...(ctx.initMode ? exitTrap(ctx) : []), ...ctx.stmts(statements)];
  const rescue = rescueFunction(ctx);
  defineQueuedFunctions(ctx);
  const entry = initEntry(source, ctx);
  const recursive = recursiveFunctions(ctx.functions);
  const used = reachable([...ctx.topCalls, ...(entry ? [entry] : [])]);
  const functions = ctx.functions.filter((f) => used.has(f)).flatMap((f) => definitionWithLocals(f, recursive.has(f)));
  if (ctx.diagnostics.length > 0) return { ctx, source, entry, rescue, functions, main };
  const [optimizedFunctions, optimizedMain] = optimize(functions, main);
  return { ctx, source, entry, rescue, functions: optimizedFunctions, main: optimizedMain };
}

/**
 * The script of a lowered program — of one variant, whose configuration fills the slots:
 * the passes fold what that made constant, what nothing calls any more is left out, the
 * runtime helpers still used are added, and the manifest is read off the result.
 */
export function finishProgram(lowered: LoweredSource, variant?: { config: ConfigValue }): LoweredProgram {
  const { ctx, source, entry, rescue } = lowered;
  if (ctx.diagnostics.length > 0) return { commands: [], diagnostics: ctx.diagnostics, needs: collectManifest({ functions: [], main: [] }, new Set(), source.fileName) };
  let calledFunctions = lowered.functions;
  let optimizedMain = lowered.main;
  let moduleState = ctx.moduleState;
  if (variant) {
    const slots = new Map([...ctx.configSlots.values()].map((slot) => [slot.name, valueAt(variant.config, slot.path)]));
    const valueOf = (slot: string) => {
      if (!slots.has(slot)) throw new Error(`internal: unknown configuration slot ${slot}`);
      return slots.get(slot);
    };
    moduleState = specialize(moduleState, valueOf);
    const functions = specialize(calledFunctions, valueOf);
    const main = specialize(optimizedMain, valueOf);
    // What a slot's value changed is folded; the rest was optimised already.
    const changed = new Set([...functions.filter((c, i) => c !== calledFunctions[i]), ...main.filter((c, i) => c !== optimizedMain[i])]);
    [calledFunctions, optimizedMain] = optimizeSpecialized(functions, main, changed);
  }
  const tailOf = (list: Command[]): Command[] => {
    const last = list[list.length - 1];
    return entry ? [sh.command(entry.shName)] : last && alwaysJumps(last) ? [] : [sh.command("exit", "0")];
  };
  // The passes may remove the only call to a function or a helper (in a branch of a constant
  // test): what nothing calls any more is left out, and the passes run again without it.
  for (;;) {
    // The rescue shell of an init is called from the trap's text and from __fail, which the
    // scan cannot see: it stays.
    const kept = rescue ? [sh.command(rescue.shName)] : [];
    const called = stillCalled(calledFunctions, [...optimizedMain, ...tailOf(optimizedMain), ...moduleState, ...kept]);
    const marked = markCallsThatNeverReturn([...called, ...optimizedMain]);
    if (called.length === calledFunctions.length && !marked.changed) break;
    [calledFunctions, optimizedMain] = optimize(marked.commands.slice(0, called.length), marked.commands.slice(called.length));
  }
  const tail = tailOf(optimizedMain);
  const programText = [...calledFunctions, ...optimizedMain, ...tail, ...moduleState].map(jsonOf).join(",");
  if (variant && /"__cfg/.test(programText)) throw new Error("internal: a configuration slot was left in a variant's script");
  const resolved = resolveHelpers(liveHelpers(ctx.helpers, programText)).map((h) =>
    h.name === "__fail" && rescue ? { ...h, source: initFailHelper(rescue) } : h,
  );
  const helpers = [...registerShownSet(resolved, [...calledFunctions, ...optimizedMain, ...tail, ...moduleState]), ...resolved.map((h): Command => ({ kind: "verbatim", text: h.source }))];
  const prunedFunctions = pruneLocals(calledFunctions);
  const userFunctions = new Set(ctx.functions.filter((f) => !ctx.inLibrary(f.node)).map((f) => f.shName));
  const liveFunctions = dropRepeatedLocations(prunedFunctions, userFunctions);
  const liveMain = dropRepeatedLocations(optimizedMain, userFunctions);
  const needs = collectManifest({ functions: liveFunctions, main: [...moduleState, ...liveMain, ...tail] }, userFunctions, source.fileName);
  return {
    commands: [
      ...section("runtime helpers", helpers),
      ...section("functions", liveFunctions),
      ...section("boot library state", moduleState),
      ...section("program", [...liveMain, ...tail]),
    ],
    diagnostics: ctx.diagnostics,
    needs,
  };
}

/**
 * `__r=` first, when the program reads the result register plainly (`$__r`, or `__r` in
 * arithmetic) and nothing shellcheck can see sets it: only `__aat`'s `eval` does (an element
 * read from an array made by plain assignments, with no function or helper returning a value).
 * shellcheck takes an assignment anywhere, or a read with a default (`${__r-…}`, `${__r+…}`),
 * as saying it may be set; `unset` does not count.
 */
function registerShownSet(helpers: readonly Helper[], commands: readonly Command[]): Command[] {
  const use = { plain: false, shown: helpers.some((h) => /^\s*__r=|\$\{__r:?[-+]/m.test(h.source)) };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const o = node as { kind?: string; name?: string; op?: { kind: string }; value?: unknown };
    if (o.name === "__r") {
      if (o.kind === "var" || (o.kind === "param" && !o.op)) use.plain = true;
      else if (o.kind === "param") use.shown ||= o.op!.kind === "default" || o.op!.kind === "alternative";
      else if (o.kind === undefined && o.value !== undefined) use.shown = true; // an assignment
    }
    Object.values(o).forEach(visit);
  };
  visit(commands);
  return use.plain && !use.shown ? [sh.assign("__r", sh.word())] : [];
}

/** A command's JSON text, made once per command (the variants of a source share most of theirs). */
function jsonOf(c: Command): string {
  let text = jsonTexts.get(c);
  if (text === undefined) jsonTexts.set(c, (text = JSON.stringify(c)));
  return text;
}
const jsonTexts = new WeakMap<Command, string>();

function section(title: string, commands: Command[]): Command[] {
  return commands.length === 0 ? [] : [{ kind: "comment", text: `--- ${title} ---` }, ...commands];
}

/**
 * A default-exported function makes an init program: it runs as PID 1, so it must be declared
 * to return `never` (TypeScript then rejects every path that could fall off its end), and it
 * must not call process.exit.
 */
function checkInitEntry(source: ts.SourceFile, ctx: LowerContext): void {
  for (const statement of source.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    if (!modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) continue;
    if (!ts.isFunctionDeclaration(statement)) continue;
    ctx.initMode = true;
    const declared = statement.type;
    if (!declared || declared.kind !== ts.SyntaxKind.NeverKeyword) {
      ctx.diagnostics.push(diagnostics.initNotNever(statement.name ?? statement));
    }
  }
}

/** An init program's entry: `export default function init(): never`, called on the last line. */
function initEntry(source: ts.SourceFile, ctx: LowerContext): FunctionInfo | undefined {
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement)) continue;
    const modifiers = ts.getModifiers(statement) ?? [];
    const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    const symbol = statement.name && ctx.symbolOf(statement.name);
    const binding = symbol && ctx.bindings.get(symbol);
    if (isDefault && binding?.kind === "function") return binding.info;
  }
  return undefined;
}

/**
 * The function definitions (each with the comment before it) that the program's commands
 * still call, directly or through each other: a function is called where a command's first
 * word names it (in a command substitution too).
 */
function stillCalled(functions: readonly Command[], roots: readonly Command[]): Command[] {
  const byName = new Map<string, number>();
  functions.forEach((c, i) => c.kind === "function" && byName.set(c.name, i));
  const live = new Set<number>();
  const scan = (commands: readonly Command[]) =>
    forEachCommand(commands, (c) => {
      const name = c.kind === "simple" && c.words[0] ? sh.literalText(c.words[0]) : undefined;
      const i = name === undefined ? undefined : byName.get(name);
      if (i === undefined || live.has(i)) return;
      live.add(i);
      scan([functions[i]!]);
    });
  scan(roots);
  return functions.filter((c, i) => live.has(i) || (c.kind === "comment" && live.has(i + 1)));
}

/** The functions `roots` call, directly or not: only these are emitted. */
function reachable(roots: readonly FunctionInfo[]): Set<FunctionInfo> {
  const out = new Set<FunctionInfo>();
  const stack = [...roots];
  for (let f = stack.pop(); f; f = stack.pop()) {
    if (out.has(f)) continue;
    out.add(f);
    stack.push(...(f.scope?.calls ?? []));
  }
  return out;
}

/**
 * Functions that can be active twice at once. Only these need `local` (which POSIX lacks but
 * every target shell has); the rest use their script-unique names as plain variables.
 */
function recursiveFunctions(functions: readonly FunctionInfo[]): Set<FunctionInfo> {
  const out = new Set<FunctionInfo>();
  for (const f of functions) {
    const seen = new Set<FunctionInfo>();
    const stack = [...(f.scope?.calls ?? [])];
    while (stack.length > 0) {
      const g = stack.pop()!;
      if (g === f) {
        out.add(f);
        break;
      }
      if (seen.has(g)) continue;
      seen.add(g);
      stack.push(...(g.scope?.calls ?? []));
    }
  }
  return out;
}

function definitionWithLocals(f: FunctionInfo, recursive: boolean): Command[] {
  const def = f.definition;
  if (!def) return [];
  const locals = [...(f.scope?.locals ?? [])];
  if (!recursive || locals.length === 0) return [def];
  return [
    { kind: "comment", text: "shellcheck disable=SC3043 # recursive: every target shell has local" },
    { ...def, body: [sh.command("local", ...locals), ...relocalizeUnsets(def.body, new Set(locals))] },
  ];
}

/**
 * A recursive function's `local` lists every variable its body assigned before the passes
 * ran; a name they removed is neither read nor written any more and leaves the list (an
 * unused local is a shellcheck finding).
 */
function pruneLocals(functions: Command[]): Command[] {
  return functions.map((f) => {
    if (f.kind !== "function") return f;
    const [first, ...rest] = f.body;
    if (first?.kind !== "simple" || first.words[0] === undefined || sh.literalText(first.words[0]) !== "local") return f;
    const reads = readCounts(rest);
    const written = new Set<string>();
    const visit = (c: Command): void => {
      if (c.kind === "simple") {
        c.assigns.forEach((a) => written.add(a.name));
        if (["unset", "local"].includes(c.words[0] ? (sh.literalText(c.words[0]) ?? "") : "")) {
          c.words.slice(1).forEach((w) => written.add(sh.literalText(w) ?? ""));
        }
      }
      if (c.kind === "for") written.add(c.name);
      forEachChild(c, visit);
    };
    rest.forEach(visit);
    const kept = first.words.slice(1).filter((w) => {
      const name = sh.literalText(w) ?? "";
      return reads.has(name) || written.has(name);
    });
    if (kept.length === first.words.length - 1) return f;
    return { ...f, body: kept.length > 0 ? [{ ...first, words: [first.words[0], ...kept] }, ...rest] : rest };
  });
}

/**
 * In mksh and yash, `unset` on a local drops the local itself, so the caller's variable of
 * the same name shows through (and later assignments write to it). Declaring the name local
 * again right after the unset gives a fresh, unset local in every target shell.
 */
function relocalizeUnsets(body: Command[], locals: ReadonlySet<string>): Command[] {
  return mapCommands(body, (c) => {
    if (c.kind !== "simple" || c.assigns.length > 0 || c.redirects.length > 0) return [c];
    if (c.words[0] === undefined || sh.literalText(c.words[0]) !== "unset") return [c];
    const names = c.words.slice(1).map((w) => sh.literalText(w) ?? "");
    const mine = names.filter((n) => locals.has(n));
    return mine.length === 0 ? [c] : [c, sh.command("local", ...mine)];
  });
}
