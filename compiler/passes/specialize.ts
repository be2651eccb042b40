import type { Arith, Command, Needs, Param, Pattern, PatternPart, Word, WordPart } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import type { ConfigValue } from "../front/variants.ts";
import { ARRAY_PLACEHOLDER } from "../lower/config.ts";
import { sameList, withNested } from "../sh/walk.ts";

/**
 * Makes one variant's program from the program lowered for all of them: every slot of the
 * configuration (`$__cfg1`, `__cfgarray __cfg2`, see lower/config.ts) becomes that variant's
 * value, in words, arithmetic, patterns, parameter expansions (`${__cfg1-…}` as sh would
 * expand it) and the manifest's facts. The passes then fold what became constant. What holds
 * no slot comes back as the very same object, so what the passes worked out about it stays.
 */
export function specialize(commands: readonly Command[], valueOf: (slot: string) => ConfigValue): Command[] {
  const s = new Specializer(valueOf);
  const out = commands.map((c) => (holdsSlot(c) ? s.command(c) : c));
  return out.every((c, i) => c === commands[i]) ? (commands as Command[]) : out;
}

/** Whether a top-level command reads a slot (worked out once per command: the variants share them). */
function holdsSlot(c: Command): boolean {
  let holds = slotted.get(c);
  if (holds === undefined) slotted.set(c, (holds = JSON.stringify(c).includes('"__cfg')));
  return holds;
}
const slotted = new WeakMap<Command, boolean>();

const isSlot = (name: string) => name.startsWith("__cfg");

/** A configuration value as the text sh holds: undefined stays unset. */
function text(v: ConfigValue): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "object") throw new Error("internal: a configuration slot holds an aggregate");
  return String(v);
}

class Specializer {
  constructor(private readonly valueOf: (slot: string) => ConfigValue) {}

  list(commands: readonly Command[]): Command[] {
    return sameList(commands, commands.map((c) => this.command(c)));
  }

  command(c: Command): Command {
    if (c.kind === "simple" && c.words[0] && sh.literalText(c.words[0]) === ARRAY_PLACEHOLDER) {
      const slot = sh.literalText(c.words[1]!)!;
      const elements = this.valueOf(slot);
      if (!Array.isArray(elements)) throw new Error(`internal: slot ${slot} holds no array`);
      return { ...c, words: [sh.word(elements.length > 0 ? "__alist" : "__anew"), ...elements.map((e) => sh.word(String(e)))] };
    }
    const nested = withNested(c, (cs) => this.list(cs), (x) => this.command(x));
    const worded = this.ownWords(nested);
    const needs = c.needs && this.needs(c.needs);
    return needs === c.needs ? worded : { ...worded, needs: needs! };
  }

  /** The words of the command itself (not of the commands in it): arguments, values, a `for` list, a `case` subject and patterns. */
  ownWords(c: Command): Command {
    switch (c.kind) {
      case "simple": {
        const words = this.words(c.words);
        const assigns = sameList(c.assigns, c.assigns.map((a) => {
          const value = this.word(a.value);
          return value === a.value ? a : { ...a, value };
        }));
        const redirects = sameList(c.redirects, c.redirects.map((r) => {
          const target = this.word(r.target);
          return target === r.target ? r : { ...r, target };
        }));
        return words === c.words && assigns === c.assigns && redirects === c.redirects ? c : { ...c, words, assigns, redirects };
      }
      case "for": {
        const words = this.words(c.words);
        return words === c.words ? c : { ...c, words };
      }
      case "case": {
        const subject = this.word(c.subject);
        const arms = sameList(c.arms, c.arms.map((a) => {
          const patterns = sameList(a.patterns, a.patterns.map((p) => this.pattern(p)));
          return patterns === a.patterns ? a : { ...a, patterns };
        }));
        return subject === c.subject && arms === c.arms ? c : { ...c, subject, arms };
      }
      default:
        return c;
    }
  }

  /** The manifest's facts with the variant's values for their slots. */
  needs(n: Needs): Needs {
    if (!n.modules?.slots && !n.fileSlots && !n.params?.some((p) => p.fallbackSlot)) return n;
    const out: Needs = { ...n };
    if (n.modules?.slots) {
      const names = [...n.modules.names];
      for (const slot of n.modules.slots) {
        const v = this.valueOf(slot);
        if (Array.isArray(v)) names.push(...v.map((e) => String(e)));
        else if (v !== undefined) names.push(String(v));
      }
      out.modules = { names, dynamic: n.modules.dynamic };
    }
    if (n.fileSlots) {
      out.files = [...(n.files ?? []), ...n.fileSlots.flatMap((slot) => (typeof this.valueOf(slot) === "string" ? [this.valueOf(slot) as string] : []))];
      delete out.fileSlots;
    }
    if (n.params) {
      out.params = n.params.map((p) => {
        if (!p.fallbackSlot) return p;
        const { fallbackSlot, ...rest } = p;
        const v = this.valueOf(fallbackSlot);
        return v === undefined ? rest : { ...rest, fallback: JSON.stringify(v) };
      });
    }
    return out;
  }

  words(words: Word[]): Word[] {
    return sameList(words, words.map((w) => this.word(w)));
  }

  word(w: Word): Word {
    const parts = this.parts(w.parts, (p) => this.part(p));
    return parts === w.parts ? w : { parts };
  }

  /** `parts` with each replaced by what `visit` gives (itself, or the parts that replace it); `parts` itself when none changed. */
  parts<P>(parts: P[], visit: (p: P) => P | P[]): P[] {
    let changed = false;
    const out: P[] = [];
    for (const p of parts) {
      const x = visit(p);
      if (x === p) out.push(p);
      else {
        changed = true;
        out.push(...(Array.isArray(x) ? x : [x]));
      }
    }
    return changed ? out : parts;
  }

  /** A word part: itself, or the parts that replace it. */
  part(p: WordPart): WordPart | WordPart[] {
    if (p.kind === "param") return isSlot(p.name) ? this.expand(p) : this.paramWord(p);
    if (p.kind === "arith") {
      const expr = this.arith(p.expr);
      return expr === p.expr ? p : { kind: "arith", expr };
    }
    if (p.kind === "command") {
      const command = this.command(p.command);
      return command === p.command ? p : { kind: "command", command };
    }
    return p;
  }

  /** A parameter that is not a slot, whose operator's word may hold one. */
  paramWord(p: Param): WordPart {
    if (!p.op || p.op.kind === "length") return p;
    if (p.op.kind === "strip") {
      const pattern = this.pattern(p.op.pattern);
      return pattern === p.op.pattern ? p : { ...p, op: { ...p.op, pattern } };
    }
    const word = this.word(p.op.word);
    return word === p.op.word ? p : { ...p, op: { ...p.op, word } };
  }

  /** `$slot`, `${slot-w}`, `${#slot}` … expanded as sh would, with the variant's value. */
  expand(p: Param): WordPart[] {
    const v = text(this.valueOf(p.name));
    const lit = (t: string): WordPart[] => (t === "" ? [] : [{ kind: "lit", text: t }]);
    const op = p.op;
    if (!op) return lit(v ?? "");
    switch (op.kind) {
      case "length":
        return lit(String(Buffer.byteLength(v ?? "")));
      case "default": {
        const use = v === undefined || (op.colon && v === "");
        return use ? this.word(op.word).parts : lit(v!);
      }
      case "alternative": {
        const use = v !== undefined && !(op.colon && v === "");
        return use ? this.word(op.word).parts : [];
      }
      case "strip":
        throw new Error(`internal: a pattern is stripped from configuration slot ${p.name}`);
    }
  }

  arith(a: Arith): Arith {
    switch (a.kind) {
      case "var": {
        if (!isSlot(a.name)) return a;
        const v = this.valueOf(a.name);
        if (typeof v === "number") return sh.num(v);
        if (typeof v === "boolean") return sh.num(v ? 1 : 0);
        throw new Error(`internal: configuration slot ${a.name} is not a number`);
      }
      case "expansion": {
        if (!isSlot(a.part.name)) return a;
        const parts = this.expand(a.part);
        const t = parts.map((x) => (x.kind === "lit" ? x.text : "?")).join("");
        if (!/^-?[0-9]+$/.test(t)) throw new Error(`internal: configuration slot ${a.part.name} is not a number in arithmetic`);
        return sh.num(Number(t));
      }
      case "unary": {
        const operand = this.arith(a.operand);
        return operand === a.operand ? a : { ...a, operand };
      }
      case "binary": {
        const left = this.arith(a.left);
        const right = this.arith(a.right);
        return left === a.left && right === a.right ? a : { ...a, left, right };
      }
      case "conditional": {
        const test = this.arith(a.test);
        const whenTrue = this.arith(a.whenTrue);
        const whenFalse = this.arith(a.whenFalse);
        return test === a.test && whenTrue === a.whenTrue && whenFalse === a.whenFalse ? a : { ...a, test, whenTrue, whenFalse };
      }
      default:
        return a;
    }
  }

  pattern(p: Pattern): Pattern {
    const parts = this.parts<PatternPart>(p.parts, (x) => (x.kind === "glob" ? x : this.part(x)));
    return parts === p.parts ? p : { parts };
  }
}
