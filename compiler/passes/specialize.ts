import type { Arith, Command, Needs, Param, WordPart } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import type { ConfigValue } from "../front/variants.ts";
import { forEachRead } from "../sh/reads.ts";
import { ARRAY_PLACEHOLDER, isConfigSlot } from "../sh/registers.ts";
import { forEachCommand, rewriteCommand, type Rewrite } from "../sh/walk.ts";

/**
 * Makes one variant's program from the program lowered for all of them: every slot of the
 * configuration (`$__cfg1`, `__cfgarray __cfg2`, see lower/visitors/config.ts) becomes that variant's
 * value, in words, arithmetic, patterns, parameter expansions (`${__cfg1-…}` as sh would
 * expand it) and the manifest's facts. The passes then fold what became constant. What holds
 * no slot comes back as the very same object, so what the passes worked out about it stays.
 */
export function specialize(commands: readonly Command[], valueOf: (slot: string) => ConfigValue): Command[] {
  const rewrite = specializer(valueOf);
  const out = commands.map((c) => (holdsSlot(c) ? rewriteCommand(c, rewrite) : c));
  return out.every((c, i) => c === commands[i]) ? (commands as Command[]) : out;
}

/** Whether a top-level command holds a slot anywhere (worked out once per command: the variants share them). */
export function holdsSlot(c: Command): boolean {
  let holds = slotted.get(c);
  if (holds !== undefined) return holds;
  holds = false;
  forEachRead(c, (name) => (holds ||= isConfigSlot(name)));
  forEachCommand([c], (x) => {
    if (x.needs && needsSlots(x.needs)) holds = true;
    if (x.kind === "simple" && x.words[0] && sh.literalText(x.words[0]) === ARRAY_PLACEHOLDER) holds = true;
  });
  slotted.set(c, holds);
  return holds;
}
const slotted = new WeakMap<Command, boolean>();

const needsSlots = (n: Needs): boolean => !!n.modules?.slots?.length || !!n.fileSlots?.length || !!n.params?.some((p) => p.fallbackSlot);

/** A configuration value as the text sh holds: undefined stays unset. */
function text(v: ConfigValue): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "object") throw new Error("internal: a configuration slot holds an aggregate");
  return String(v);
}

function specializer(valueOf: (slot: string) => ConfigValue): Rewrite {
  /** `$slot`, `${slot-w}`, `${#slot}` … expanded as sh would, with the variant's value (the word inside rewritten already). */
  const expand = (p: Param): WordPart[] => {
    const v = text(valueOf(p.name));
    const lit = (t: string): WordPart[] => (t === "" ? [] : [{ kind: "lit", text: t }]);
    const op = p.op;
    if (!op) return lit(v ?? "");
    switch (op.kind) {
      case "length":
        return lit(String(Buffer.byteLength(v ?? "")));
      case "default":
        return v === undefined || (op.colon && v === "") ? op.word.parts : lit(v);
      case "alternative":
        return v !== undefined && !(op.colon && v === "") ? op.word.parts : [];
      case "strip":
        throw new Error(`internal: a pattern is stripped from configuration slot ${p.name}`);
    }
  };
  const arith = (a: Arith): Arith => {
    if (a.kind === "var" && isConfigSlot(a.name)) {
      const v = valueOf(a.name);
      if (typeof v === "number") return sh.num(v);
      if (typeof v === "boolean") return sh.num(v ? 1 : 0);
      throw new Error(`internal: configuration slot ${a.name} is not a number`);
    }
    if (a.kind === "expansion" && isConfigSlot(a.part.name)) {
      const t = expand(a.part).map((x) => (x.kind === "lit" ? x.text : "?")).join("");
      if (!/^-?[0-9]+$/.test(t)) throw new Error(`internal: configuration slot ${a.part.name} is not a number in arithmetic`);
      return sh.num(Number(t));
    }
    return a;
  };
  const command = (c: Command): Command => {
    let out = c;
    if (c.kind === "simple" && c.words[0] && sh.literalText(c.words[0]) === ARRAY_PLACEHOLDER) {
      const slot = sh.literalText(c.words[1]!)!;
      const elements = valueOf(slot);
      if (!Array.isArray(elements)) throw new Error(`internal: slot ${slot} holds no array`);
      out = { ...c, words: [sh.word(elements.length > 0 ? "__alist" : "__anew"), ...elements.map((e) => sh.word(String(e)))] };
    }
    const needs = c.needs && specializeNeeds(c.needs, valueOf);
    return needs === c.needs ? out : { ...out, needs: needs! };
  };
  return { part: (p) => (p.kind === "param" && isConfigSlot(p.name) ? expand(p) : p), arith, command };
}

/** The manifest's facts with the variant's values for their slots. */
function specializeNeeds(n: Needs, valueOf: (slot: string) => ConfigValue): Needs {
  if (!n.modules?.slots && !n.fileSlots && !n.params?.some((p) => p.fallbackSlot)) return n;
  const out: Needs = { ...n };
  if (n.modules?.slots) {
    const names = [...n.modules.names];
    for (const slot of n.modules.slots) {
      const v = valueOf(slot);
      if (Array.isArray(v)) names.push(...v.map((e) => String(e)));
      else if (v !== undefined) names.push(String(v));
    }
    out.modules = { names, dynamic: n.modules.dynamic };
  }
  if (n.fileSlots) {
    out.files = [...(n.files ?? []), ...n.fileSlots.flatMap((slot) => (typeof valueOf(slot) === "string" ? [valueOf(slot) as string] : []))];
    delete out.fileSlots;
  }
  if (n.params) {
    out.params = n.params.map((p) => {
      if (!p.fallbackSlot) return p;
      const { fallbackSlot, ...rest } = p;
      const v = valueOf(fallbackSlot);
      return v === undefined ? rest : { ...rest, fallback: JSON.stringify(v) };
    });
  }
  return out;
}
