import type { Arith, Command, Param, Pattern, PatternPart, Word, WordPart } from "./ast.ts";

/**
 * The one traversal of the shell AST: every pass, analysis and the lowering's own checks walk
 * it through these functions, so the shape of each node is known here (and in the printer)
 * alone. Adding a node kind means teaching it this file: its nested command lists
 * (`withNested`, `forEachChild`) and its own words (`ownWords`, `withOwnWords`); everything
 * built on them — reads, rewrites, the passes' defaults — then covers it.
 *
 * Rewrites never change a node in place, and what they leave unchanged comes back as the very
 * same object (lists included): the passes rely on that to reuse what they worked out about
 * an unchanged program (passes/optimize.ts).
 */

// --- Commands ------------------------------------------------------------------------------

/**
 * Rebuilds a command list bottom-up: `visit` sees each command after its nested bodies have
 * been rebuilt and returns the commands that replace it (none, itself, or several). Commands
 * inside command substitutions (`$(…)`) are not visited.
 */
export function mapCommands(commands: readonly Command[], visit: (c: Command) => Command[]): Command[] {
  const list = (cs: readonly Command[]) => mapCommands(cs, visit);
  const one = (c: Command): Command => {
    const out = list([c]);
    return out.length === 1 ? out[0]! : { kind: "group", body: out };
  };
  return sameList(commands, commands.flatMap((c) => visit(withNested(c, list, one))));
}

/**
 * Rebuilds every command list in `commands` (function bodies, branches, loop bodies, tests …)
 * innermost first, passing each to `f`; `commands` itself is the last list passed. `f` gets a
 * list as it is when nothing in it changed, and a list `f` returns with the same commands is
 * the list it was given.
 */
export function mapLists(commands: readonly Command[], f: (list: Command[]) => Command[]): Command[] {
  const inner = (c: Command): Command => withNested(c, (cs) => mapLists(cs, f), inner);
  const rebuilt = sameList(commands, commands.map(inner));
  return sameList(rebuilt, f(rebuilt));
}

/**
 * `c` with each command list directly inside it (tests, bodies, branches, arms) replaced by
 * `list` of it, and each operand of `&&`, `||` and `!` by `operand` of it; `c` itself when
 * every one comes back the same.
 */
export function withNested(c: Command, list: (cs: Command[]) => Command[], operand: (c: Command) => Command): Command {
  switch (c.kind) {
    case "if": {
      const clauses = sameList(
        c.clauses,
        c.clauses.map((k) => {
          const test = list(k.test);
          const body = list(k.body);
          return test === k.test && body === k.body ? k : { test, body };
        }),
      );
      const otherwise = c.otherwise && list(c.otherwise);
      return clauses === c.clauses && otherwise === c.otherwise ? c : { ...c, clauses, ...(otherwise ? { otherwise } : {}) };
    }
    case "while": {
      const test = list(c.test);
      const body = list(c.body);
      return test === c.test && body === c.body ? c : { ...c, test, body };
    }
    case "for":
    case "group":
    case "function": {
      const body = list(c.body);
      return body === c.body ? c : { ...c, body };
    }
    case "case": {
      const arms = sameList(
        c.arms,
        c.arms.map((a) => {
          const body = list(a.body);
          return body === a.body ? a : { patterns: a.patterns, body };
        }),
      );
      return arms === c.arms ? c : { ...c, arms };
    }
    case "and":
    case "or": {
      const left = operand(c.left);
      const right = operand(c.right);
      return left === c.left && right === c.right ? c : { ...c, left, right };
    }
    case "not": {
      const command = operand(c.command);
      return command === c.command ? c : { ...c, command };
    }
    default:
      return c;
  }
}

/** Calls `f` on each command directly inside `c` (its tests, bodies, operands), in the order they appear. */
export function forEachChild(c: Command, f: (x: Command) => void): void {
  switch (c.kind) {
    case "if":
      for (const k of c.clauses) {
        k.test.forEach(f);
        k.body.forEach(f);
      }
      c.otherwise?.forEach(f);
      return;
    case "while":
      c.test.forEach(f);
      c.body.forEach(f);
      return;
    case "for":
    case "group":
    case "function":
      c.body.forEach(f);
      return;
    case "case":
      for (const a of c.arms) a.body.forEach(f);
      return;
    case "and":
    case "or":
      f(c.left);
      f(c.right);
      return;
    case "not":
      f(c.command);
      return;
    default:
      return;
  }
}

/** Whether `test` holds for some command directly inside `c`. */
export function someChild(c: Command, test: (x: Command) => boolean): boolean {
  let found = false;
  forEachChild(c, (x) => {
    found ||= test(x);
  });
  return found;
}

/** `out`, or `list` itself when `out` holds the same items in the same order. */
export function sameList<T>(list: readonly T[], out: T[]): T[] {
  return out.length === list.length && out.every((x, i) => x === list[i]) ? (list as T[]) : out;
}

/**
 * Calls `visit` on every command, top-down: nested bodies, operands and the commands of
 * command substitutions (`$(…)`) included, with the name of the function each one is in
 * (undefined outside every function).
 */
export function forEachCommand(commands: readonly Command[], visit: (c: Command, inFunction: string | undefined) => void, inFunction?: string): void {
  for (const c of commands) {
    visit(c, inFunction);
    const within = c.kind === "function" ? c.name : inFunction;
    forEachOwnWord(c, (w) => forEachSubstitution(w, (x) => forEachCommand([x], visit, within)));
    forEachChild(c, (x) => forEachCommand([x], visit, within));
  }
}

// --- The words of a command ------------------------------------------------------------------

/**
 * Calls `word` on each word of `c` itself, not of the commands inside it: a simple command's
 * assignment values, arguments and redirection targets (in that order), a `for` list, a
 * `case` subject, a group's redirection targets; and `pattern` on each `case` pattern.
 */
export function forEachOwnWord(c: Command, word: (w: Word) => void, pattern?: (p: Pattern) => void): void {
  switch (c.kind) {
    case "simple":
      for (const a of c.assigns) word(a.value);
      c.words.forEach(word);
      for (const r of c.redirects) word(r.target);
      return;
    case "for":
      c.words.forEach(word);
      return;
    case "case":
      word(c.subject);
      if (pattern) for (const a of c.arms) a.patterns.forEach(pattern);
      return;
    case "group":
      for (const r of c.redirects ?? []) word(r.target);
      return;
    default:
      return;
  }
}

/** `c` with its own words (see forEachOwnWord) replaced by `word` of each and its patterns by `pattern`; `c` itself when nothing changed. */
export function withOwnWords(c: Command, word: (w: Word) => Word, pattern: (p: Pattern) => Pattern = (p) => p): Command {
  switch (c.kind) {
    case "simple": {
      const assigns = sameList(
        c.assigns,
        c.assigns.map((a) => {
          const value = word(a.value);
          return value === a.value ? a : { name: a.name, value };
        }),
      );
      const words = sameList(c.words, c.words.map(word));
      const redirects = sameList(
        c.redirects,
        c.redirects.map((r) => {
          const target = word(r.target);
          return target === r.target ? r : { ...r, target };
        }),
      );
      return assigns === c.assigns && words === c.words && redirects === c.redirects ? c : { ...c, assigns, words, redirects };
    }
    case "for": {
      const words = sameList(c.words, c.words.map(word));
      return words === c.words ? c : { ...c, words };
    }
    case "case": {
      const subject = word(c.subject);
      const arms = sameList(
        c.arms,
        c.arms.map((a) => {
          const patterns = sameList(a.patterns, a.patterns.map(pattern));
          return patterns === a.patterns ? a : { ...a, patterns };
        }),
      );
      return subject === c.subject && arms === c.arms ? c : { ...c, subject, arms };
    }
    case "group": {
      if (!c.redirects) return c;
      const redirects = sameList(
        c.redirects,
        c.redirects.map((r) => {
          const target = word(r.target);
          return target === r.target ? r : { ...r, target };
        }),
      );
      return redirects === c.redirects ? c : { ...c, redirects };
    }
    default:
      return c;
  }
}

// --- Inside words ----------------------------------------------------------------------------

/** What a deep walk over words meets (see forEachExpansion). */
export interface ExpansionVisitor {
  /** A parameter expansion, in a word, a pattern or arithmetic (`$x`, `${x-…}`, `${#x}` …). */
  param?(p: Param): void;
  /** A variable named in arithmetic (`$((x + 1))`). */
  arithVar?(name: string): void;
  /** An arithmetic node, outermost first. */
  arith?(a: Arith): void;
  /** The command of a command substitution (`$(…)`), not walked into. */
  substitution?(c: Command): void;
  /** A literal or glob part. */
  text?(p: WordPart | PatternPart): void;
}

/** Walks a word or pattern: its parts, the words and patterns inside parameter operators, arithmetic. */
export function forEachExpansion(w: Word | Pattern, v: ExpansionVisitor): void {
  for (const p of w.parts) forEachPartExpansion(p, v);
}

function forEachPartExpansion(p: WordPart | PatternPart, v: ExpansionVisitor): void {
  switch (p.kind) {
    case "param":
      forEachParamExpansion(p, v);
      return;
    case "arith":
      forEachArith(p.expr, v);
      return;
    case "command":
      v.substitution?.(p.command);
      return;
    default:
      v.text?.(p);
      return;
  }
}

function forEachParamExpansion(p: Param, v: ExpansionVisitor): void {
  v.param?.(p);
  if (p.op?.kind === "default" || p.op?.kind === "alternative") forEachExpansion(p.op.word, v);
  else if (p.op?.kind === "strip") forEachExpansion(p.op.pattern, v);
}

/** Walks an arithmetic expression, outermost node first. */
export function forEachArith(a: Arith, v: ExpansionVisitor): void {
  v.arith?.(a);
  switch (a.kind) {
    case "var":
      v.arithVar?.(a.name);
      return;
    case "expansion":
      forEachParamExpansion(a.part, v);
      return;
    case "unary":
      forEachArith(a.operand, v);
      return;
    case "binary":
      forEachArith(a.left, v);
      forEachArith(a.right, v);
      return;
    case "conditional":
      forEachArith(a.test, v);
      forEachArith(a.whenTrue, v);
      forEachArith(a.whenFalse, v);
      return;
    case "num":
      return;
  }
}

/** Whether `test` holds for some node of an arithmetic expression. */
export function someArith(a: Arith, test: (x: Arith) => boolean): boolean {
  let found = false;
  forEachArith(a, { arith: (x) => (found ||= test(x)) });
  return found;
}

/** Calls `f` on the command of every command substitution in a word, at any depth of its parts. */
export function forEachSubstitution(w: Word | Pattern, f: (c: Command) => void): void {
  forEachExpansion(w, { substitution: f });
}

// --- Deep rewrites -----------------------------------------------------------------------------

/**
 * A deep rewrite: each hook sees a node after everything inside it was rewritten, and returns
 * it (unchanged), another, or — for a part — the parts that replace it.
 */
export interface Rewrite {
  /** A word or pattern part. Inside arithmetic (`$((${#x}))`), a parameter is replaced only by a parameter; `arith` decides the rest. */
  part?(p: WordPart | PatternPart): WordPart | PatternPart | (WordPart | PatternPart)[];
  /** An arithmetic node. */
  arith?(a: Arith): Arith;
  /** A command, after its words and nested commands. */
  command?(c: Command): Command;
}

/** Every command of `commands` rewritten, command substitutions included. */
export function rewriteCommands(commands: readonly Command[], r: Rewrite): Command[] {
  return sameList(commands, commands.map((c) => rewriteCommand(c, r)));
}

export function rewriteCommand(c: Command, r: Rewrite): Command {
  const list = (cs: Command[]) => rewriteCommands(cs, r);
  const nested = withNested(c, list, (x) => rewriteCommand(x, r));
  const worded = withOwnWords(nested, (w) => rewriteWord(w, r), (p) => rewritePattern(p, r));
  return r.command ? r.command(worded) : worded;
}

export function rewriteWord(w: Word, r: Rewrite): Word {
  const parts = rewriteParts(w.parts, r) as WordPart[];
  return parts === w.parts ? w : { parts };
}

export function rewritePattern(p: Pattern, r: Rewrite): Pattern {
  const parts = rewriteParts(p.parts, r);
  return parts === p.parts ? p : { parts };
}

function rewriteParts(parts: (WordPart | PatternPart)[], r: Rewrite): (WordPart | PatternPart)[] {
  let changed = false;
  const out: (WordPart | PatternPart)[] = [];
  for (const p of parts) {
    const inner = rewriteInsidePart(p, r);
    const x = r.part ? r.part(inner) : inner;
    if (x === p) out.push(p);
    else {
      changed = true;
      if (Array.isArray(x)) out.push(...x);
      else out.push(x);
    }
  }
  return changed ? out : parts;
}

function rewriteInsidePart(p: WordPart | PatternPart, r: Rewrite): WordPart | PatternPart {
  switch (p.kind) {
    case "param":
      return rewriteParamInside(p, r);
    case "arith": {
      const expr = rewriteArith(p.expr, r);
      return expr === p.expr ? p : { kind: "arith", expr };
    }
    case "command": {
      const command = rewriteCommand(p.command, r);
      return command === p.command ? p : { kind: "command", command };
    }
    default:
      return p;
  }
}

function rewriteParamInside(p: Param, r: Rewrite): Param {
  if (!p.op || p.op.kind === "length") return p;
  if (p.op.kind === "strip") {
    const pattern = rewritePattern(p.op.pattern, r);
    return pattern === p.op.pattern ? p : { ...p, op: { ...p.op, pattern } };
  }
  const word = rewriteWord(p.op.word, r);
  return word === p.op.word ? p : { ...p, op: { ...p.op, word } };
}

/** An arithmetic expression rewritten bottom-up. */
export function rewriteArith(a: Arith, r: Rewrite): Arith {
  let out: Arith = a;
  switch (a.kind) {
    case "expansion": {
      const inner = rewriteParamInside(a.part, r);
      const x = r.part ? r.part(inner) : inner;
      const part = !Array.isArray(x) && x.kind === "param" ? x : inner;
      if (part !== a.part) out = { kind: "expansion", part };
      break;
    }
    case "unary": {
      const operand = rewriteArith(a.operand, r);
      if (operand !== a.operand) out = { ...a, operand };
      break;
    }
    case "binary": {
      const left = rewriteArith(a.left, r);
      const right = rewriteArith(a.right, r);
      if (left !== a.left || right !== a.right) out = { ...a, left, right };
      break;
    }
    case "conditional": {
      const test = rewriteArith(a.test, r);
      const whenTrue = rewriteArith(a.whenTrue, r);
      const whenFalse = rewriteArith(a.whenFalse, r);
      if (test !== a.test || whenTrue !== a.whenTrue || whenFalse !== a.whenFalse) out = { ...a, test, whenTrue, whenFalse };
      break;
    }
    default:
      break;
  }
  return r.arith ? r.arith(out) : out;
}

// --- Comparison --------------------------------------------------------------------------------

/**
 * Whether two trees are the same: the same nodes, or nodes with the same fields holding the
 * same values (shared subtrees are not walked again). The passes compare rounds with it.
 */
export function sameTree(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameTree(x, b[i]));
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
