import type { Command, Simple, Word } from "../sh/ast.ts";
import { literalText } from "../sh/ast.ts";
import { readCountsOf, forEachRead } from "../sh/reads.ts";
import { isReserved } from "../sh/registers.ts";
import { forEachChild, forEachOwnWord, forEachSubstitution, someChild } from "../sh/walk.ts";

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
  return w.all || w.names.has(name) || (w.reserved && isReserved(name));
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
    forEachRead(c, (n) => r.names.add(n));
    const calls = (x: Command): void => {
      if (x.kind === "function" || x.kind === "comment") return;
      // A command substitution may call anything (it cannot write, being a subshell).
      forEachOwnWord(x, (w) => forEachSubstitution(w, () => (r.all = true)));
      if (x.kind !== "simple") return forEachChild(x, calls);
      if (x.words.length === 0) return;
      const name = literalText(x.words[0]!);
      if (name === undefined) r.all = true;
      else if (this.functionReads.has(name)) {
        merge(r, this.functionReads.get(name)!);
        r.reserved = true;
      } else if (isReserved(name) || name === "printf") r.reserved = true;
      else if (!WRITES_NOTHING.has(name) && !WRITES_ARGUMENTS.has(name)) r.all = true;
    };
    calls(c);
    return r;
  }

  /** Everything running `c` may assign or unset, including through the functions it calls. */
  writesOf(c: Command): Writes {
    return this.memoised(this.writesMemo, c, () => this.writesUncached(c));
  }

  private writesUncached(c: Command): Writes {
    if (c.kind === "simple") return this.simpleWrites(c);
    // A definition runs nothing.
    if (c.kind === "function" || c.kind === "comment") return none();
    // Any other command writes what the commands inside it write (a loop: its variable too).
    const w = none();
    if (c.kind === "for") w.names.add(c.name);
    forEachChild(c, (x) => merge(w, this.writesOf(x)));
    return w;
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
    } else if (isReserved(name) || name === "printf") w.reserved = true;
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

/** Each command's own read counts, once: commands are never changed in place. */
const countsOf = new WeakMap<Command, Map<string, number>>();

/** Read counts over a whole program. */
export function readCounts(commands: readonly Command[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of commands) {
    let own = countsOf.get(c);
    if (!own) countsOf.set(c, (own = readCountsOf(c)));
    for (const [name, n] of own) counts.set(name, (counts.get(name) ?? 0) + n);
  }
  return counts;
}

export const isTemp = (name: string): boolean => /^_t[0-9]+$/.test(name);
/**
 * A variable of the program read once in all of it, by a copy: it only passes its value on
 * (`name=$1; …; __r_name=$name`). Names starting with `__` are the compiler's and the helpers',
 * which read some of them through `eval`.
 */
export const passedOn = (name: string, reads: ReadonlyMap<string, number>): boolean => reads.get(name) === 1 && !isReserved(name);
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

/** Whether `c` holds a `return`, `break` or `continue` anywhere. */
export function hasJump(c: Command): boolean {
  if (c.kind === "simple") return c.words.length > 0 && ["return", "break", "continue"].includes(literalText(c.words[0]!) ?? "");
  return someChild(c, hasJump);
}
