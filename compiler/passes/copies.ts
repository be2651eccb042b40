import type { Arith, Command, Param, Pattern, Simple, Word, WordPart } from "../sh/ast.ts";
import { type Effects, isName, isTemp, mayWrite, singleAssignment } from "./effects.ts";
import { wordReads } from "../sh/reads.ts";
import { mapLists, someArith } from "../sh/walk.ts";
import { isPlainRead } from "./shapes.ts";

/**
 * Copies of compiler temporaries. Lowering saves values in temporaries (`_tN`) whenever a later
 * effect might change them; most of the time nothing does, and the temporary is noise:
 *
 *     _t1=$__r_kind                     spec_kind=$__r_kind
 *     spec_kind=$_t1               →
 *
 * After `_tN=$src`, each later read of `$_tN` in the same command list (and inside the
 * commands of that list) reads `$src` instead, up to the first command that may write `src`
 * or `_tN` — a function call counts as writing everything that function may assign, a runtime
 * helper everything named `__…` (the result register `__r` included). A loop that may write
 * either stops the rewriting before the loop: its second pass would see the write. The other
 * direction (assigning the final variable where the temporary was) is in direct.ts and early.ts.
 */

interface Copy {
  temp: string;
  /**
   * The value: a plain `$src` (substituted for every read), or one part substituted as an
   * expression where the temporary is read once: `${src-word}`, `${#src}`, `$((…))`.
   */
  source: WordPart;
  /** Names whose writes end the copy's validity: the temporary and whatever the value reads. */
  blockers: Set<string>;
}

/** Arithmetic that cannot fail (no division), so evaluating it later changes nothing but when. */
const total = (a: Arith): boolean =>
  !someArith(a, (x) => (x.kind === "binary" && (x.op === "/" || x.op === "%")) || (x.kind === "expansion" && !!x.part.op && x.part.op.kind !== "length"));

/** `_tN=value` where the value is one part the pass can put in the temporary's place. */
function asCopy(c: Command, reads: ReadonlyMap<string, number>): Copy | undefined {
  const a = singleAssignment(c);
  if (!a || !isTemp(a.name)) return undefined;
  if (a.value.parts.length !== 1) return undefined;
  const readNames = wordReads(a.value);
  if (readNames.has(a.name)) return undefined; // `_t1=$((_t1 + 1))` is no copy
  const blockers = new Set([a.name, ...readNames]);
  const part = a.value.parts[0]!;
  const once = reads.get(a.name) === 1;
  // (Arithmetic on literals alone stays put: in a `[ … ]` it would read as a constant test.)
  if (part.kind === "arith") return once && total(part.expr) && blockers.size > 1 ? { temp: a.name, source: part, blockers } : undefined;
  if (part.kind !== "param" || !isName(part.name) || part.name === a.name) return undefined;
  const op = part.op;
  if (op) {
    if (op.kind === "strip" || !once) return undefined; // strip: only valid as a whole assignment value
    if ((op.kind === "default" || op.kind === "alternative") && !op.word.parts.every((p) => p.kind === "lit" || (p.kind === "param" && !p.op))) {
      return undefined;
    }
  }
  return { temp: a.name, source: part, blockers };
}

export function propagateCopies(commands: readonly Command[], effects: Effects, reads: ReadonlyMap<string, number>): Command[] {
  return mapLists(commands, (list) => {
    const out = [...list];
    for (let i = 0; i < out.length; i++) {
      const copy = asCopy(out[i]!, reads);
      if (!copy) continue;
      const scan = new Scanner(copy, effects);
      const rewritten = [...out];
      for (let j = i + 1; j < out.length && !scan.blocked; j++) rewritten[j] = scan.command(out[j]!);
      // All or nothing: a temporary read both ways would only be harder to follow.
      if (scan.replaced > 0 && scan.replaced === reads.get(copy.temp)) out.splice(0, out.length, ...rewritten);
    }
    return out;
  });
}

/** Walks commands in the order they run, replacing reads of the copy until a blocker is written. */
class Scanner {
  blocked = false;
  replaced = 0;
  constructor(
    private readonly copy: Copy,
    private readonly effects: Effects,
  ) {}

  private writesBlocker(c: Command): boolean {
    const w = this.effects.writesOf(c);
    for (const name of this.copy.blockers) if (mayWrite(w, name)) return true;
    return false;
  }

  list(cs: readonly Command[]): Command[] {
    const out: Command[] = [];
    for (const c of cs) out.push(this.blocked ? c : this.command(c));
    return out;
  }

  /** Runs `f` from the current state, as one of several alternative paths. */
  private branch<T>(start: boolean, f: () => T): { value: T; blocked: boolean } {
    this.blocked = start;
    const value = f();
    return { value, blocked: this.blocked };
  }

  command(c: Command): Command {
    if (this.blocked) return c;
    switch (c.kind) {
      case "simple":
        return this.simple(c);
      case "if": {
        // Clause tests run in order; each body is an alternative path from its test.
        let afterTests: boolean = this.blocked;
        let anyBlocked = false;
        const clauses = c.clauses.map((k) => {
          const test = this.branch(afterTests, () => this.list(k.test));
          afterTests = test.blocked;
          const body = this.branch(afterTests, () => this.list(k.body));
          anyBlocked ||= body.blocked;
          return { test: test.value, body: body.value };
        });
        let otherwise = c.otherwise;
        if (c.otherwise) {
          const o = this.branch(afterTests, () => this.list(c.otherwise!));
          otherwise = o.value;
          anyBlocked ||= o.blocked;
        } else anyBlocked ||= afterTests;
        this.blocked = anyBlocked;
        return { ...c, clauses, ...(otherwise ? { otherwise } : {}) };
      }
      case "while":
        // A write anywhere in the loop reaches the reads of its next pass.
        if (this.writesBlocker(c)) {
          this.blocked = true;
          return c;
        }
        return { ...c, test: this.list(c.test), body: this.list(c.body) };
      case "for": {
        const words = c.words.map((w) => this.word(w));
        if (this.copy.blockers.has(c.name) || c.body.some((b) => this.writesBlocker(b))) {
          this.blocked = true;
          return { ...c, words };
        }
        return { ...c, words, body: this.list(c.body) };
      }
      case "case": {
        const subject = this.word(c.subject);
        const patterns = c.arms.map((a) => a.patterns.map((p) => this.pattern(p)));
        const start = this.blocked;
        let anyBlocked = false;
        const arms = c.arms.map((a, i) => {
          const body = this.branch(start, () => this.list(a.body));
          anyBlocked ||= body.blocked;
          return { patterns: patterns[i]!, body: body.value };
        });
        this.blocked = anyBlocked;
        return { ...c, subject, arms };
      }
      case "and":
      case "or": {
        const left = this.command(c.left);
        const right = this.command(c.right);
        return { ...c, left, right };
      }
      case "not":
        return { ...c, command: this.command(c.command) };
      case "group":
        return { ...c, body: this.list(c.body) };
      case "function":
      case "comment":
        return c;
      default:
        this.blocked = true;
        return c;
    }
  }

  private simple(c: Simple): Command {
    const blocks = this.writesBlocker(c);
    if (!blocks) return this.replaceIn(c);
    this.blocked = true;
    if (c.words.length > 0) {
      // Arguments are expanded before the command runs, but prefix assignments are not ordered
      // the same way in every shell: leave such a command alone.
      if (c.assigns.some((a) => this.copy.blockers.has(a.name))) return c;
      return this.replaceIn(c);
    }
    // `x=$_tN` expands its value before assigning; with several assignments, leave it alone.
    return c.assigns.length === 1 ? this.replaceIn(c) : c;
  }

  private replaceIn(c: Simple): Simple {
    // `_t1=$x; …; x=$_t1` would become `x=$x`, which is no copy at all: leave it (and so the temporary).
    const only = singleAssignment(c);
    if (only && only.name === this.plain && isPlainRead(only.value, this.copy.temp)) return c;
    return {
      ...c,
      assigns: c.assigns.map((a) => ({ name: a.name, value: this.word(a.value) })),
      words: c.words.map((w) => this.word(w)),
      redirects: c.redirects.map((r) => ({ ...r, target: this.word(r.target) })),
    };
  }

  /** The plain `$src` copy, renamed wherever the temporary is read. */
  private get plain(): string | undefined {
    const s = this.copy.source;
    return s.kind === "param" && !s.op ? s.name : undefined;
  }

  word(w: Word): Word {
    return { parts: w.parts.map((p) => this.part(p, true)) };
  }

  private part(p: WordPart, top: boolean): WordPart {
    const plain = this.plain;
    if (p.kind === "arith") return { kind: "arith", expr: this.arith(p.expr) };
    if (p.kind !== "param") return p; // literal text, or a command substitution (left alone)
    const innerWord = (op: { word: Word }) => ({ ...op, word: { parts: op.word.parts.map((x) => this.part(x, false)) } });
    if (p.name !== this.copy.temp) {
      if (plain === undefined || !p.op || (p.op.kind !== "default" && p.op.kind !== "alternative")) return p;
      return { ...p, op: innerWord(p.op) } as Param;
    }
    if (plain === undefined) {
      if (!top || p.op) return p;
      this.replaced++;
      return this.copy.source;
    }
    // A set-but-empty copy and an unset source differ only for `${x-…}` and `${x+…}`.
    if (p.op && (p.op.kind === "default" || p.op.kind === "alternative") && !p.op.colon) return p;
    this.replaced++;
    const renamed: Param = { ...p, name: plain };
    if (p.op && (p.op.kind === "default" || p.op.kind === "alternative")) return { ...renamed, op: innerWord(p.op) } as Param;
    return renamed;
  }

  private pattern(pattern: Pattern): Pattern {
    return {
      parts: pattern.parts.map((p) => (p.kind === "param" || p.kind === "arith" ? (this.part(p, true) as typeof p) : p)),
    };
  }

  /** The copy's value where arithmetic reads the temporary, if it has an arithmetic form. */
  private arithSource(): Arith | undefined {
    const s = this.copy.source;
    if (s.kind === "param") return !s.op ? { kind: "var", name: s.name } : s.op.kind === "length" ? { kind: "expansion", part: s } : undefined;
    if (s.kind === "arith") return s.expr;
    return undefined;
  }

  private arith(a: Arith): Arith {
    switch (a.kind) {
      case "var": {
        const source = a.name === this.copy.temp ? this.arithSource() : undefined;
        if (!source) return a;
        this.replaced++;
        return source;
      }
      case "expansion": {
        if (a.part.name === this.copy.temp && !a.part.op) return this.arith({ kind: "var", name: a.part.name });
        const part = this.part(a.part, false);
        return part.kind === "param" ? { kind: "expansion", part } : a;
      }
      case "unary":
        return { ...a, operand: this.arith(a.operand) };
      case "binary":
        return { ...a, left: this.arith(a.left), right: this.arith(a.right) };
      case "conditional":
        return { ...a, test: this.arith(a.test), whenTrue: this.arith(a.whenTrue), whenFalse: this.arith(a.whenFalse) };
      case "num":
        return a;
    }
  }
}
