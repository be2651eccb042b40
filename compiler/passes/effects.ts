import type { Arith, Command, Pattern, PatternPart, Simple, Word, WordPart } from "../sh/ast.ts";
import { literalText } from "../sh/ast.ts";
import { sameList, withNested } from "../sh/walk.ts";

/**
 * What a command may read and write, for the passes that move or drop assignments. Writes are
 * over-approximated: a call to a script function writes whatever that function (or anything it
 * calls) assigns, a runtime helper (`__…`) may write any `__` name, and a command the analysis
 * does not know (an external command, `eval`, `read`, `set` …) may write anything.
 */
export interface Writes {
  /** Anything at all. */
  all: boolean;
  /** Any name starting with `__` (runtime helpers' state and the result registers). */
  reserved: boolean;
  names: Set<string>;
}

const none = (): Writes => ({ all: false, reserved: false, names: new Set() });

export function mayWrite(w: Writes, name: string): boolean {
  return w.all || w.names.has(name) || (w.reserved && name.startsWith("__"));
}

function merge(into: Writes, from: Writes): boolean {
  let changed = false;
  if (from.all && !into.all) changed = into.all = true;
  if (from.reserved && !into.reserved) changed = into.reserved = true;
  for (const n of from.names) {
    if (!into.names.has(n)) {
      into.names.add(n);
      changed = true;
    }
  }
  return changed;
}

/** Builtins that assign no variable. (`printf` may be the runtime's stand-in, which writes `__pf_…`.) */
const WRITES_NOTHING = new Set(["[", "test", "echo", "print", "true", "false", ":", "exit", "return", "break", "continue"]);
/** Builtins whose arguments are the names they change. */
const WRITES_ARGUMENTS = new Set(["unset", "local"]);

/** What each function definition does itself (see the Effects constructor), and the function names that held for. Never changed once made. */
const ownEffects = new WeakMap<Command, { names: string; w: Writes; r: Writes; called: string[] }>();

export class Effects {
  private readonly functions = new Map<string, Writes>();
  private readonly functionReads = new Map<string, Writes>();
  /**
   * Once the functions' effects are complete, each command's are computed once: the passes ask
   * again for the commands inside one they asked about. (Commands are never changed in place:
   * a pass that rewrites one makes a new object.) The results are shared, not to be changed.
   */
  private complete = false;
  private readonly writesMemo = new WeakMap<Command, Writes>();
  private readonly readsMemo = new WeakMap<Command, Writes>();

  /** `definitions`: the script's functions (other commands in the list are ignored). */
  constructor(definitions: readonly Command[]) {
    const bodies = definitions.filter((d) => d.kind === "function");
    for (const f of bodies) {
      this.functions.set(f.name, none());
      this.functionReads.set(f.name, none());
    }
    // Each function's own writes and reads (computed while every function's entry is still
    // empty, so a call adds only what any call adds), once; then each takes in its callees'
    // until nothing changes (recursion included). What a function does itself depends only on
    // its definition and on which names are functions: a definition the passes left as it was
    // is not analysed again.
    const names = [...this.functions.keys()].sort().join(" ");
    const own = bodies.map((f) => {
      const known = ownEffects.get(f);
      if (known && known.names === names) return { name: f.name, ...known };
      const w = none();
      const r = none();
      const called = new Set<string>();
      f.body.forEach((c) => {
        merge(w, this.writesOf(c));
        merge(r, this.readsOf(c));
        this.collectCallees(c, called);
      });
      ownEffects.set(f, { names, w, r, called: [...called] });
      return { name: f.name, w, r, called: [...called] };
    });
    for (const f of own) {
      merge(this.functions.get(f.name)!, f.w);
      merge(this.functionReads.get(f.name)!, f.r);
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (const f of own) {
        for (const g of f.called) {
          if (merge(this.functions.get(f.name)!, this.functions.get(g)!)) changed = true;
          if (merge(this.functionReads.get(f.name)!, this.functionReads.get(g)!)) changed = true;
        }
      }
    }
    this.complete = true;
  }

  /** The script's functions that `c` calls directly (not in functions it defines). */
  private collectCallees(c: Command, into: Set<string>): void {
    if (c.kind === "function") return;
    if (c.kind === "simple") {
      const name = c.words.length > 0 ? literalText(c.words[0]!) : undefined;
      if (name !== undefined && this.functions.has(name)) into.add(name);
      return;
    }
    forEachChild(c, (x) => this.collectCallees(x, into));
  }

  /**
   * Every variable running `c` may read, including in the functions it calls. Runtime helpers
   * read their arguments and `__` names; a command the analysis does not know may read anything.
   */
  readsOf(c: Command): Writes {
    return this.memoised(this.readsMemo, c, () => this.readsUncached(c));
  }

  private memoised(memo: WeakMap<Command, Writes>, c: Command, compute: () => Writes): Writes {
    if (!this.complete) return compute();
    let known = memo.get(c);
    if (!known) memo.set(c, (known = compute()));
    return known;
  }

  private readsUncached(c: Command): Writes {
    const r = none();
    const counts = new Map<string, number>();
    countReads(c, counts);
    for (const n of counts.keys()) r.names.add(n);
    const calls = (x: Command): void => {
      if (x.kind === "simple") {
        // A command substitution may call anything (it cannot write, being a subshell).
        if ([...x.words, ...x.assigns.map((a) => a.value), ...x.redirects.map((d) => d.target)].some(substitutes)) r.all = true;
        if (x.words.length === 0) return;
        const name = literalText(x.words[0]!);
        if (name === undefined) r.all = true;
        else if (this.functionReads.has(name)) {
          merge(r, this.functionReads.get(name)!);
          r.reserved = true;
        } else if (name.startsWith("__") || name === "printf") r.reserved = true;
        else if (!WRITES_NOTHING.has(name) && !WRITES_ARGUMENTS.has(name)) r.all = true;
        return;
      }
      if (x.kind === "function" || x.kind === "comment") return;
      if ((x.kind === "for" && x.words.some(substitutes)) || (x.kind === "case" && substitutes(x.subject))) r.all = true;
      if (x.kind === "verbatim") {
        r.all = true;
        return;
      }
      forEachChild(x, calls);
    };
    calls(c);
    return r;
  }

  /** Everything running `c` may assign or unset, including through the functions it calls. */
  writesOf(c: Command): Writes {
    return this.memoised(this.writesMemo, c, () => this.writesUncached(c));
  }

  private writesUncached(c: Command): Writes {
    const w = none();
    const list = (cs: readonly Command[]) => cs.forEach((x) => merge(w, this.writesOf(x)));
    switch (c.kind) {
      case "simple":
        return this.simpleWrites(c);
      case "if":
        c.clauses.forEach((k) => (list(k.test), list(k.body)));
        if (c.otherwise) list(c.otherwise);
        return w;
      case "while":
        list(c.test);
        list(c.body);
        return w;
      case "for":
        w.names.add(c.name);
        list(c.body);
        return w;
      case "case":
        c.arms.forEach((a) => list(a.body));
        return w;
      case "and":
      case "or":
        list([c.left, c.right]);
        return w;
      case "not":
        return this.writesOf(c.command);
      case "group":
        list(c.body);
        return w;
      case "function":
      case "comment":
        return w; // a definition runs nothing
      default:
        w.all = true; // verbatim text, or anything newer than this analysis
        return w;
    }
  }

  private simpleWrites(c: Simple): Writes {
    const w = none();
    c.assigns.forEach((a) => w.names.add(a.name));
    if (c.words.length === 0) return w;
    const name = literalText(c.words[0]!);
    if (name === undefined) w.all = true;
    else if (this.functions.has(name)) {
      merge(w, this.functions.get(name)!);
      w.reserved = true;
    } else if (name.startsWith("__") || name === "printf") w.reserved = true;
    else if (WRITES_ARGUMENTS.has(name)) {
      for (const arg of c.words.slice(1)) {
        const text = literalText(arg);
        if (text === undefined) w.all = true;
        else w.names.add(text);
      }
    } else if (!WRITES_NOTHING.has(name)) w.all = true;
    return w;
  }
}

// --- Reads ------------------------------------------------------------------------------------

/** Adds one to `counts` for every read of a variable in `c` (nested commands included). */
export function countReads(c: Command, counts: Map<string, number>): void {
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const list = (cs: readonly Command[]) => cs.forEach((x) => countReads(x, counts));
  switch (c.kind) {
    case "simple":
      c.words.forEach((w) => wordReads(w, add, counts));
      c.assigns.forEach((a) => wordReads(a.value, add, counts));
      c.redirects.forEach((r) => wordReads(r.target, add, counts));
      return;
    case "if":
      c.clauses.forEach((k) => (list(k.test), list(k.body)));
      if (c.otherwise) list(c.otherwise);
      return;
    case "while":
      list(c.test);
      list(c.body);
      return;
    case "for":
      c.words.forEach((w) => wordReads(w, add, counts));
      list(c.body);
      return;
    case "case":
      wordReads(c.subject, add, counts);
      c.arms.forEach((a) => {
        a.patterns.forEach((p) => patternReads(p, add, counts));
        list(a.body);
      });
      return;
    case "and":
    case "or":
      list([c.left, c.right]);
      return;
    case "not":
      countReads(c.command, counts);
      return;
    case "group":
    case "function":
      list(c.body);
      return;
    default:
      return;
  }
}

function wordReads(w: Word, add: (n: string) => void, counts: Map<string, number>): void {
  for (const p of w.parts) {
    if (p.kind === "param") {
      add(p.name);
      if (p.op?.kind === "default" || p.op?.kind === "alternative") wordReads(p.op.word, add, counts);
      if (p.op?.kind === "strip") patternReads(p.op.pattern, add, counts);
    } else if (p.kind === "arith") arithReads(p.expr, add, counts);
    else if (p.kind === "command") countReads(p.command, counts);
  }
}

function patternReads(pattern: Pattern, add: (n: string) => void, counts: Map<string, number>): void {
  for (const p of pattern.parts) {
    if (p.kind === "param") wordReads({ parts: [p] }, add, counts);
    else if (p.kind === "arith") arithReads(p.expr, add, counts);
  }
}

function arithReads(a: Arith, add: (n: string) => void, counts: Map<string, number>): void {
  switch (a.kind) {
    case "var":
      add(a.name);
      return;
    case "expansion":
      wordReads({ parts: [a.part] }, add, counts);
      return;
    case "unary":
      arithReads(a.operand, add, counts);
      return;
    case "binary":
      arithReads(a.left, add, counts);
      arithReads(a.right, add, counts);
      return;
    case "conditional":
      arithReads(a.test, add, counts);
      arithReads(a.whenTrue, add, counts);
      arithReads(a.whenFalse, add, counts);
      return;
    case "num":
      return;
  }
}

/** The variables a word reads. */
export function wordNames(w: Word): Set<string> {
  const counts = new Map<string, number>();
  wordReads(w, (n) => counts.set(n, 1), counts);
  return new Set(counts.keys());
}

/** Each command's own read counts, once: commands are never changed in place. */
const countsOf = new WeakMap<Command, Map<string, number>>();

/** Read counts over a whole program. */
export function readCounts(commands: readonly Command[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of commands) {
    let own = countsOf.get(c);
    if (!own) countReads(c, (own = new Map()));
    countsOf.set(c, own);
    for (const [name, n] of own) counts.set(name, (counts.get(name) ?? 0) + n);
  }
  return counts;
}

// --- Lists ------------------------------------------------------------------------------------

/**
 * Rebuilds every command list in `commands` (function bodies, branches, loop bodies, tests …)
 * innermost first, passing each to `f`; `commands` itself is the last list passed. As with
 * sh/walk.ts's mapCommands, what nothing changed is not copied: `f` gets a list as it is when
 * nothing in it changed, and a list `f` returns with the same commands is the list it was given.
 */
export function mapLists(commands: readonly Command[], f: (list: Command[]) => Command[]): Command[] {
  const inner = (c: Command): Command => withNested(c, (cs) => mapLists(cs, f), inner);
  const rebuilt = sameList(commands, commands.map(inner));
  return sameList(rebuilt, f(rebuilt));
}

export const isTemp = (name: string): boolean => /^_t[0-9]+$/.test(name);
/**
 * A variable of the program read once in all of it, by a copy: it only passes its value on
 * (`name=$1; …; __r_name=$name`). Names starting with `__` are the compiler's and the helpers',
 * which read some of them through `eval`.
 */
export const passedOn = (name: string, reads: ReadonlyMap<string, number>): boolean => reads.get(name) === 1 && !name.startsWith("__");
export const isName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);

/** `name=value` alone: one assignment, no command word, no redirection. */
export function singleAssignment(c: Command): { name: string; value: Word } | undefined {
  if (c.kind !== "simple" || c.words.length > 0 || c.redirects.length > 0 || c.assigns.length !== 1) return undefined;
  return c.assigns[0];
}

/** A command that is just `word0` with no arguments (`return`, `true` …). */
export function isBare(c: Command, name: string): boolean {
  return c.kind === "simple" && c.assigns.length === 0 && c.redirects.length === 0 && c.words.length === 1 && literalText(c.words[0]!) === name;
}

/** Calls `f` on each command directly inside `c` (its tests, bodies, operands). */
export function forEachChild(c: Command, f: (x: Command) => void): void {
  switch (c.kind) {
    case "if":
      c.clauses.forEach((k) => {
        k.test.forEach(f);
        k.body.forEach(f);
      });
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
      c.arms.forEach((a) => a.body.forEach(f));
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

/** Whether a word holds a command substitution, `$(…)`, at any depth. */
function substitutes(w: Word): boolean {
  return w.parts.some(
    (p) =>
      p.kind === "command" ||
      (p.kind === "param" && p.op !== undefined && (p.op.kind === "default" || p.op.kind === "alternative") && substitutes(p.op.word)),
  );
}

/** `c` with every read of `from` reading `to` instead, at any depth. */
export function renameReads(c: Command, from: string, to: string): Command {
  const word = (w: Word): Word => ({ parts: w.parts.map(part) });
  const part = <P extends WordPart | PatternPart>(p: P): P => {
    if (p.kind === "arith") return { ...p, expr: arith(p.expr) };
    if (p.kind === "command") return { ...p, command: renameReads(p.command, from, to) };
    if (p.kind !== "param") return p;
    const name = p.name === from ? to : p.name;
    if (p.op?.kind === "default" || p.op?.kind === "alternative") return { ...p, name, op: { ...p.op, word: word(p.op.word) } };
    if (p.op?.kind === "strip") return { ...p, name, op: { ...p.op, pattern: pattern(p.op.pattern) } };
    return { ...p, name };
  };
  const pattern = (pt: Pattern): Pattern => ({ parts: pt.parts.map(part) });
  const arith = (a: Arith): Arith => {
    switch (a.kind) {
      case "var":
        return a.name === from ? { kind: "var", name: to } : a;
      case "expansion":
        return { kind: "expansion", part: part(a.part) };
      case "unary":
        return { ...a, operand: arith(a.operand) };
      case "binary":
        return { ...a, left: arith(a.left), right: arith(a.right) };
      case "conditional":
        return { ...a, test: arith(a.test), whenTrue: arith(a.whenTrue), whenFalse: arith(a.whenFalse) };
      case "num":
        return a;
    }
  };
  const list = (cs: Command[]) => cs.map((x) => renameReads(x, from, to));
  switch (c.kind) {
    case "simple":
      return {
        ...c,
        assigns: c.assigns.map((a) => ({ name: a.name, value: word(a.value) })),
        words: c.words.map(word),
        redirects: c.redirects.map((r) => ({ ...r, target: word(r.target) })),
      };
    case "if":
      return { ...c, clauses: c.clauses.map((k) => ({ test: list(k.test), body: list(k.body) })), ...(c.otherwise ? { otherwise: list(c.otherwise) } : {}) };
    case "while":
      return { ...c, test: list(c.test), body: list(c.body) };
    case "for":
      return { ...c, words: c.words.map(word), body: list(c.body) };
    case "case":
      return { ...c, subject: word(c.subject), arms: c.arms.map((a) => ({ patterns: a.patterns.map(pattern), body: list(a.body) })) };
    case "and":
    case "or":
      return { ...c, left: renameReads(c.left, from, to), right: renameReads(c.right, from, to) };
    case "not":
      return { ...c, command: renameReads(c.command, from, to) };
    case "group":
    case "function":
      return { ...c, body: list(c.body) };
    default:
      return c;
  }
}

/** Whether `c` holds a `return`, `break` or `continue` anywhere. */
export function hasJump(c: Command): boolean {
  if (c.kind === "simple") return c.words.length > 0 && ["return", "break", "continue"].includes(literalText(c.words[0]!) ?? "");
  let found = false;
  forEachChild(c, (x) => (found ||= hasJump(x)));
  return found;
}
