import * as sh from "../sh/ast.ts";
import type { Command } from "../sh/ast.ts";
import { RESULT } from "../sh/registers.ts";
import { forEachCommand, forEachExpansion, forEachOwnWord, type ExpansionVisitor } from "../sh/walk.ts";
import type { Helper } from "../runtime/resolve.ts";

/** What the script's runtime helpers need to know of the program around them, read off its sh AST. */

/**
 * `__r=` first, when the program reads the result register plainly (`$__r`, or `__r` in
 * arithmetic) and nothing shellcheck can see sets it: only `__aat`'s `eval` does (an element
 * read from an array made by plain assignments, with no function or helper returning a value).
 * shellcheck takes an assignment anywhere, or a read with a default (`${__r-…}`, `${__r+…}`),
 * as saying it may be set; `unset` does not count.
 */
export function registerShownSet(helpers: readonly Helper[], commands: readonly Command[]): Command[] {
  const use = { plain: false, shown: false };
  const expansions: ExpansionVisitor = {
    param: (p) => {
      if (p.name !== RESULT) return;
      if (!p.op) use.plain = true;
      else use.shown ||= p.op.kind === "default" || p.op.kind === "alternative";
    },
    arithVar: (name) => (use.plain ||= name === RESULT),
  };
  const shows = (c: Command) => {
    if (c.kind === "simple" && c.assigns.some((a) => a.name === RESULT)) use.shown = true;
    forEachOwnWord(c, (w) => forEachExpansion(w, expansions), (p) => forEachExpansion(p, expansions));
  };
  // What a helper reads plainly does not count: only the program's own reads need the register set.
  forEachCommand(commands, shows);
  const plain = use.plain;
  forEachCommand(helpers.flatMap((h) => h.commands), shows);
  return plain && !use.shown ? [sh.assign(RESULT, sh.word())] : [];
}

/**
 * Every name the program mentions: each run of letters, digits and `_` in its text — commands,
 * arguments, names read and assigned, the text of traps — which a runtime helper's name must be
 * among for the helper to be kept.
 */
export function mentionedNames(commands: readonly Command[]): Set<string> {
  const names = new Set<string>();
  const words = (text: string) => {
    for (const m of text.matchAll(/[A-Za-z0-9_]+/g)) names.add(m[0]);
  };
  const expansions: ExpansionVisitor = {
    param: (p) => names.add(p.name),
    arithVar: (name) => names.add(name),
    text: (p) => words((p as { text: string }).text),
  };
  forEachCommand(commands, (c) => {
    if (c.kind === "simple") c.assigns.forEach((a) => names.add(a.name));
    if (c.kind === "for" || c.kind === "function") names.add(c.name);
    if (c.kind === "comment") words(c.text);
    forEachOwnWord(c, (w) => forEachExpansion(w, expansions), (p) => forEachExpansion(p, expansions));
  });
  return names;
}

