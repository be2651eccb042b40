import { ts } from "ts-morph";
import { diagnostics } from "../diagnostics/codes.ts";
import type { VariantSet } from "../front/variants.ts";
import { TypeFacts } from "../lower/analyses/facts.ts";
import { LowerContext, type FunctionInfo } from "../lower/context/context.ts";
import { standardVisitors } from "../lower/index.ts";
import { bindCompileTime } from "../lower/visitors/config.ts";
import { defineQueuedFunctions } from "../lower/visitors/functions.ts";
import { exitTrap, rescueFunction } from "../lower/visitors/pid1.ts";
import { optimize } from "../passes/optimize.ts";
import * as sh from "../sh/ast.ts";
import type { Command } from "../sh/ast.ts";
import { mapCommands } from "../sh/walk.ts";

/**
 * The pipeline's first step: a program lowered through the registry (lower/index.ts) — its
 * top-level statements in order, then the functions they reach (hoisted, as JS hoists them),
 * the boot library's among them — and optimised once (passes/optimize.ts), before any
 * variant's values are put in (finish.ts).
 */

/** What lowering a program needs besides its source. */
export interface ProgramInput {
  checker: ts.TypeChecker;
  /** dsl/lib.d.ts: builtins are recognised by the declarations in it (and in dsl/intrinsics.ts). */
  libFileName: string;
  /** Finds a boot library function the compiler calls itself (rescueShell, for a failed exec). */
  libraryFunction?: (module: string, name: string) => ts.FunctionDeclaration | undefined;
  /** The source's variants: their computation ran at compile time. */
  variants?: VariantSet;
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
 * all of them: the configuration's fields are slots (lower/visitors/config.ts) that finishProgram fills
 * in per variant.
 */
export function lowerSource(source: ts.SourceFile, input: ProgramInput): LoweredSource {
  const ctx = new LowerContext(new TypeFacts(input.checker, input.libFileName, source), standardVisitors, input.libraryFunction);
  // The statements that compute the variants ran at compile time: their constants are values.
  const compileTime = input.variants?.compileTime;
  if (input.variants) bindCompileTime(input.variants.constants, ctx);
  checkInitEntry(source, ctx);
  const statements = source.statements.filter((s) => !compileTime?.has(s));
  // An init's first command: whatever makes the script exit goes to the rescue shell instead.
  const main = [...(ctx.script.initMode ? exitTrap(ctx) : []), ...ctx.stmts(statements)];
  const rescue = rescueFunction(ctx);
  defineQueuedFunctions(ctx);
  const entry = initEntry(source, ctx);
  const recursive = recursiveFunctions(ctx.script.functions);
  const used = reachable([...ctx.script.topCalls, ...(entry ? [entry] : [])]);
  const functions = ctx.script.functions.filter((f) => used.has(f)).flatMap((f) => definitionWithLocals(f, recursive.has(f)));
  if (ctx.diagnostics.length > 0) return { ctx, source, entry, rescue, functions, main };
  const [optimizedFunctions, optimizedMain] = optimize(functions, main);
  return { ctx, source, entry, rescue, functions: optimizedFunctions, main: optimizedMain };
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
    ctx.script.initMode = true;
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
