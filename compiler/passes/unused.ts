import type { Command } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { forEachRead } from "../sh/reads.ts";
import { isReserved, LOCATION } from "../sh/registers.ts";
import { forEachCommand, sameList, withNested } from "../sh/walk.ts";

/**
 * Drops assignments to variables nothing reads (a record field no one looks at, a
 * parameter a function ignores). Assignments here never run commands, so removing them
 * changes nothing but the noise. Compiler registers (`__…`) are left alone.
 */
export function removeUnusedAssignments(commands: Command[]): Command[] {
  const read = new Set<string>();
  for (const c of commands) {
    // Commands never change in place: what a top-level one reads is worked out once.
    let reads = readsOf.get(c);
    if (reads === undefined) {
      reads = new Set<string>();
      collectReads(c, reads);
      readsOf.set(c, reads);
    }
    for (const name of reads) read.add(name);
  }
  // What keeps all it had comes back as it was (the passes see unchanged rounds by identity).
  const prune = (list: Command[]): Command[] => sameList(list, list.flatMap((c) => pruneCommand(c, read, prune)));
  const kept = (name: string) => read.has(name) || (isReserved(name) && name !== LOCATION);
  // A top-level command whose every variable is still read has nothing to drop.
  return sameList(commands, commands.flatMap((c) => ([...assignedBy(c)].every(kept) ? [c] : pruneCommand(c, read, prune))));
}

/** The variables a command sets, unsets, makes local or loops over (worked out once per command). */
function assignedBy(c: Command): Set<string> {
  let names = assignedOf.get(c);
  if (names !== undefined) return names;
  names = new Set<string>();
  const found = names;
  forEachCommand([c], (x) => {
    if (x.kind === "for") found.add(x.name);
    if (x.kind !== "simple") return;
    x.assigns.forEach((a) => found.add(a.name));
    const command = x.words.length > 0 ? sh.literalText(x.words[0]!) : undefined;
    if (command === "unset" || command === "local") x.words.slice(1).forEach((w) => found.add(sh.literalText(w) ?? ""));
  });
  assignedOf.set(c, names);
  return names;
}
const assignedOf = new WeakMap<Command, Set<string>>();

const readsOf = new WeakMap<Command, Set<string>>();

/** A condition: every command but the last, which gives the status, may go. */
function pruneTest(list: Command[], prune: (l: Command[]) => Command[]): Command[] {
  if (list.length === 0) return list;
  const last = list[list.length - 1]!;
  const kept = last.kind === "simple" ? [last] : prune([last]);
  return sameList(list, [...prune(list.slice(0, -1)), ...(kept.length === 1 ? kept : [last])]);
}

function pruneCommand(c: Command, read: Set<string>, prune: (l: Command[]) => Command[]): Command[] {
  switch (c.kind) {
    case "simple": {
      const command = c.words.length > 0 ? sh.literalText(c.words[0]!) : undefined;
      if ((command === "unset" || command === "local") && c.assigns.length === 0 && c.redirects.length === 0) {
        // Unsetting (or making local) a variable nothing reads does nothing anyone sees.
        const names = c.words.slice(1).filter((w) => {
          const name = sh.literalText(w);
          return name === undefined || read.has(name) || isReserved(name);
        });
        if (names.length === 0) return [];
        return names.length === c.words.length - 1 ? [c] : [{ ...c, words: [c.words[0]!, ...names] }];
      }
      if (c.words.length > 0 || c.redirects.length > 0) return [c];
      // Registers (`__r`, `__trace` …) are read by helpers the pass does not see; the call-site
      // register `__loc` is read only by compiled code, so it goes when nothing reads it.
      const kept = (name: string) => read.has(name) || (isReserved(name) && name !== LOCATION);
      // `x=$(…)` runs a command: it stays, read or not.
      const assigns = c.assigns.filter((a) => kept(a.name) || a.value.parts.some((p) => p.kind === "command"));
      if (assigns.length === 0) return [];
      return assigns.length === c.assigns.length ? [c] : [{ ...c, assigns }];
    }
    case "if": {
      const clauses = sameList(c.clauses, c.clauses.map((k) => {
        const test = pruneTest(k.test, prune);
        const body = prune(k.body);
        return test === k.test && body === k.body ? k : { test, body };
      }));
      const otherwise = c.otherwise && prune(c.otherwise);
      return [clauses === c.clauses && otherwise === c.otherwise ? c : { ...c, clauses, ...(otherwise ? { otherwise } : {}) }];
    }
    case "while": {
      const test = pruneTest(c.test, prune);
      const body = prune(c.body);
      return [test === c.test && body === c.body ? c : { ...c, test, body }];
    }
    case "group": {
      // `{ _t1=$x; f; [ … ]; }` is a condition: its last command gives the status, keep it.
      const body = pruneTest(c.body, prune);
      if (body.length === 0) return [];
      return [body === c.body ? c : { ...c, body }];
    }
    case "and":
    case "or": {
      const left = sh.group(pruneTest([c.left], prune));
      const right = sh.group(pruneTest([c.right], prune));
      return [left === c.left && right === c.right ? c : { ...c, left, right }];
    }
    case "not": {
      const command = sh.group(pruneTest([c.command], prune));
      return [command === c.command ? c : { ...c, command }];
    }
    case "for": {
      // A loop variable nothing reads is `_`, the name that says so (to shellcheck too).
      const name = read.has(c.name) ? c.name : "_";
      const body = prune(c.body);
      return [name === c.name && body === c.body ? c : { ...c, name, body }];
    }
    case "case": {
      const arms = sameList(c.arms, c.arms.map((a) => {
        const body = prune(a.body);
        return body === a.body ? a : { patterns: a.patterns, body };
      }));
      return [arms === c.arms ? c : { ...c, arms }];
    }
    case "function": {
      const body = prune(c.body);
      return [body === c.body ? c : { ...c, body }];
    }
    case "comment":
      return [c];
    default:
      // Any other command: the lists inside it are pruned, an operand keeps its status.
      return [withNested(c, prune, (x) => sh.group(pruneTest([x], prune)))];
  }
}

/** What a command reads: its expansions, and the names `export NAME` hands to every command the script runs (setEnv). */
function collectReads(c: Command, read: Set<string>): void {
  forEachRead(c, (name) => read.add(name));
  forEachCommand([c], (x) => {
    if (x.kind === "simple" && x.words.length > 1 && sh.literalText(x.words[0]!) === "export") x.words.slice(1).forEach((w) => read.add(sh.literalText(w) ?? ""));
  });
}
