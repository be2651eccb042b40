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
import { optimize } from "../passes/optimize.ts";
import { markCallsThatNeverReturn } from "../passes/exits.ts";
import { alwaysJumps } from "../passes/shapes.ts";
import { dropRepeatedLocations } from "../passes/locations.ts";
import { mapCommands } from "../sh/walk.ts";
import { exitTrap, initFailHelper, rescueFunction } from "./pid1.ts";

/** Every visitor, merged into one map per node family and keyed by SyntaxKind. */
export const standardVisitors: Visitors = {
  expressions: { ...expressionVisitors, ...operatorVisitors, ...callVisitors },
  statements: { ...statementVisitors, ...functionStatementVisitors, ...loopVisitors, ...switchVisitors },
};

export interface LoweredProgram {
  commands: Command[];
  diagnostics: Diagnostic[];
  /** The external commands the script may run, with where each is used. */
  externalCommands: ReadonlyMap<string, readonly sh.Origin[]>;
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
}

export function lowerProgram(source: ts.SourceFile, input: ProgramInput): LoweredProgram {
  const ctx = new LowerContext(input.checker, standardVisitors, input.libFileName);
  ctx.entryFile = source;
  ctx.declareModuleVariable = (decl) => lowerModuleVariable(decl, ctx);
  if (input.libraryFunction) ctx.libraryFunction = input.libraryFunction;
  checkInitEntry(source, ctx);
  // An init's first command: whatever makes the script exit goes to the rescue shell instead.
  const main = [...(ctx.initMode ? exitTrap(ctx) : []), ...ctx.stmts(source.statements)];
  const rescue = rescueFunction(ctx);
  defineQueuedFunctions(ctx);
  const entry = initEntry(source, ctx);
  const recursive = recursiveFunctions(ctx.functions);
  const used = reachable([...ctx.topCalls, ...(entry ? [entry] : [])]);
  const functions = ctx.functions.filter((f) => used.has(f)).flatMap((f) => definitionWithLocals(f, recursive.has(f)));
  // The passes may remove the only call to a function or a helper (in a branch of a constant
  // test): what nothing calls any more is left out, and the passes run again without it.
  let [calledFunctions, optimizedMain] = optimize(functions, main);
  const tailOf = (list: Command[]): Command[] => {
    const last = list[list.length - 1];
    return entry ? [sh.command(entry.shName)] : last && alwaysJumps(last) ? [] : [sh.command("exit", "0")];
  };
  for (;;) {
    // The rescue shell of an init is called from the trap's text and from __fail, which the
    // scan cannot see: it stays.
    const kept = rescue ? [sh.command(rescue.shName)] : [];
    const called = stillCalled(calledFunctions, [...optimizedMain, ...tailOf(optimizedMain), ...ctx.moduleState, ...kept]);
    const marked = markCallsThatNeverReturn([...called, ...optimizedMain]);
    if (called.length === calledFunctions.length && !marked.changed) break;
    [calledFunctions, optimizedMain] = optimize(marked.commands.slice(0, called.length), marked.commands.slice(called.length));
  }
  const tail = tailOf(optimizedMain);
  const programText = JSON.stringify([calledFunctions, optimizedMain, tail, ctx.moduleState]);
  const resolved = resolveHelpers(liveHelpers(ctx.helpers, programText)).map((h) =>
    h.name === "__fail" && rescue ? { ...h, source: initFailHelper(rescue) } : h,
  );
  const helpers = [...registerShownSet(resolved, [...calledFunctions, ...optimizedMain, ...tail, ...ctx.moduleState]), ...resolved.map((h): Command => ({ kind: "verbatim", text: h.source }))];
  const prunedFunctions = pruneLocals(calledFunctions);
  const userFunctions = new Set(ctx.functions.filter((f) => !ctx.inLibrary(f.node)).map((f) => f.shName));
  const liveFunctions = dropRepeatedLocations(prunedFunctions, userFunctions);
  const liveMain = dropRepeatedLocations(optimizedMain, userFunctions);
  return {
    commands: [
      ...section("runtime helpers", helpers),
      ...section("functions", liveFunctions),
      ...section("boot library state", ctx.moduleState),
      ...section("program", [...liveMain, ...tail]),
    ],
    diagnostics: ctx.diagnostics,
    externalCommands: ctx.commands,
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
 * still call, directly or through each other. A name counts as called wherever it occurs
 * as a word: callers are plain commands, so that is exact for them and safe for the rest.
 */
function stillCalled(functions: readonly Command[], roots: readonly Command[]): Command[] {
  const byName = new Map<string, number>();
  functions.forEach((c, i) => c.kind === "function" && byName.set(c.name, i));
  const live = new Set<number>();
  const scan = (commands: readonly Command[]) => {
    const text = JSON.stringify(commands);
    for (const [name, i] of byName) {
      if (!live.has(i) && new RegExp(`"${name}"`).test(text)) {
        live.add(i);
        scan([functions[i]!]);
      }
    }
  };
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
