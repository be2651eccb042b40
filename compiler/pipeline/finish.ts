import { basename, dirname, relative } from "node:path";
import { ts } from "ts-morph";
import * as sh from "../sh/ast.ts";
import type { Command } from "../sh/ast.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ConfigValue } from "../front/variants.ts";
import type { FunctionInfo } from "../lower/context/context.ts";
import { valueAt } from "../lower/visitors/config.ts";
import { initFailHelper } from "../lower/visitors/pid1.ts";
import { collectManifest } from "../manifest/collect.ts";
import { readCounts } from "../passes/effects.ts";
import { markCallsThatNeverReturn } from "../passes/exits.ts";
import { dropRepeatedLocations } from "../passes/locations.ts";
import { optimize, optimizeSpecialized } from "../passes/optimize.ts";
import { alwaysJumps } from "../passes/shapes.ts";
import { holdsSlot, specialize } from "../passes/specialize.ts";
import { forEachChild, forEachCommand } from "../sh/walk.ts";
import { liveHelpers, resolveHelpers } from "../runtime/resolve.ts";
import { mentionedNames, registerShownSet } from "./helpers.ts";
import type { LoweredSource } from "./lower.ts";

/**
 * The pipeline's second step, once per variant: the configuration's values put in and folded,
 * what nothing calls any more left out (functions and runtime helpers alike, found on the sh
 * AST), the manifest read off the result, and the script's sections assembled for the printer.
 */

export interface LoweredProgram {
  commands: Command[];
  diagnostics: Diagnostic[];
  /** What the final script may need at boot (see compiler/manifest). */
  needs: ReturnType<typeof collectManifest>;
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
  let moduleState = ctx.script.moduleState;
  if (variant) {
    const slots = new Map([...ctx.script.configSlots.values()].map((slot) => [slot.name, valueAt(variant.config, slot.path)]));
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
  const program = [...calledFunctions, ...optimizedMain, ...tail, ...moduleState];
  if (variant && program.some(holdsSlot)) throw new Error("internal: a configuration slot was left in a variant's script");
  const resolved = resolveHelpers(liveHelpers(ctx.script.helpers, mentionedNames(program))).map((h) =>
    h.name === "__fail" && rescue ? { ...h, commands: [initFailHelper(rescue)] } : h,
  );
  const helpers = [...registerShownSet(resolved, program), ...resolved.flatMap((h) => h.commands)];
  const prunedFunctions = pruneLocals(calledFunctions);
  const userFunctions = new Set(ctx.script.functions.filter((f) => !ctx.inLibrary(f.node)).map((f) => f.shName));
  const liveFunctions = inSourceOrder(dropRepeatedLocations(prunedFunctions, userFunctions), ctx.script.functions, source.fileName, ctx.inLibrary.bind(ctx));
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
 * The function definitions grouped by the file they come from — the program's own first, then
 * the boot library's modules by name — in source order, each after a one-line comment naming
 * its TypeScript origin (`# mount (stdlib/mount.ts:40)`). A comment before a definition (a
 * shellcheck directive) moves with it. sh defines every function before the program runs, so
 * the order is the reader's alone.
 */
function inSourceOrder(functions: readonly Command[], infos: readonly FunctionInfo[], entry: string, inLibrary: (node: ts.Node) => boolean): Command[] {
  const byName = new Map(infos.map((f) => [f.shName, f]));
  const units: { key: [number, string, number]; commands: Command[] }[] = [];
  let pending: Command[] = [];
  for (const c of functions) {
    pending.push(c);
    if (c.kind !== "function") continue;
    const info = byName.get(c.name);
    if (info === undefined || c.origin === undefined) {
      units.push({ key: [2, "", units.length], commands: pending });
    } else {
      const library = inLibrary(info.node);
      const file = library ? `stdlib/${basename(c.origin.file)}` : relative(dirname(entry), c.origin.file).replaceAll("\\", "/");
      const name = qualifiedName(info.node) ?? c.name;
      const comment: Command = { kind: "comment", text: `${name} (${file}:${c.origin.line})` };
      units.push({ key: [library ? 1 : 0, file, c.origin.line], commands: [comment, ...pending] });
    }
    pending = [];
  }
  const order = (a: [number, string, number], b: [number, string, number]) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2];
  return [...units.sort((a, b) => order(a.key, b.key)).flatMap((u) => u.commands), ...pending];
}

/** `cmdline.read`: a function's name with the namespaces it is declared in. */
function qualifiedName(node: ts.FunctionLikeDeclaration): string | undefined {
  if (!node.name || !ts.isIdentifier(node.name)) return undefined;
  const names = [node.name.text];
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) if (ts.isModuleDeclaration(p) && ts.isIdentifier(p.name)) names.unshift(p.name.text);
  return names.join(".");
}

function section(title: string, commands: Command[]): Command[] {
  return commands.length === 0 ? [] : [{ kind: "comment", text: `--- ${title} ---` }, ...commands];
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

