import type { Arith, Command, Pattern, Word } from "./ast.ts";
import { forEachArith, forEachChild, forEachExpansion, forEachOwnWord, rewriteCommand, type ExpansionVisitor } from "./walk.ts";

/**
 * The variables a piece of the program reads: every parameter expansion (`$x`, `${x-…}`,
 * `${#x}`, `${x%pat}`, the words and patterns inside them) and every name in arithmetic, in
 * words, patterns, nested commands and command substitutions alike. The one definition the
 * passes and the lowering share. (What a command reads through the functions it calls is
 * passes/effects.ts's business.)
 */
export function forEachRead(node: Command | readonly Command[], read: (name: string) => void): void {
  const visitor = readVisitor(read);
  const command = (c: Command): void => {
    forEachOwnWord(c, (w) => forEachExpansion(w, visitor), (p) => forEachExpansion(p, visitor));
    forEachChild(c, command);
  };
  visitor.substitution = command;
  if (Array.isArray(node)) (node as readonly Command[]).forEach(command);
  else command(node as Command);
}

/** The reads of a word or pattern (command substitutions included). */
export function forEachWordRead(w: Word | Pattern, read: (name: string) => void): void {
  const visitor = readVisitor(read);
  visitor.substitution = (c) => forEachRead(c, read);
  forEachExpansion(w, visitor);
}

/** The reads of an arithmetic expression. */
export function forEachArithRead(a: Arith, read: (name: string) => void): void {
  const visitor = readVisitor(read);
  visitor.substitution = (c) => forEachRead(c, read);
  forEachArith(a, visitor);
}

function readVisitor(read: (name: string) => void): ExpansionVisitor {
  return { param: (p) => read(p.name), arithVar: read };
}

/** The variables a word reads. */
export function wordReads(w: Word): Set<string> {
  const names = new Set<string>();
  forEachWordRead(w, (n) => names.add(n));
  return names;
}

/** How many times each variable is read in `c`. */
export function readCountsOf(c: Command | readonly Command[]): Map<string, number> {
  const counts = new Map<string, number>();
  forEachRead(c, (n) => counts.set(n, (counts.get(n) ?? 0) + 1));
  return counts;
}

/** `c` with every read of `from` reading `to` instead, at any depth (command substitutions included). */
export function renameReads(c: Command, from: string, to: string): Command {
  return rewriteCommand(c, {
    part: (p) => (p.kind === "param" && p.name === from ? { ...p, name: to } : p),
    arith: (a) => (a.kind === "var" && a.name === from ? { kind: "var", name: to } : a),
  });
}
