import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { Command, Origin, Word } from "../../sh/ast.ts";
import { RESULT } from "../../sh/registers.ts";
import type { TypeFacts } from "../analyses/facts.ts";
import type { Scalar } from "../analyses/types.ts";
import { narrowingMayBeStale, testedByNullish } from "../analyses/writes.ts";
import type { Binding } from "./bindings.ts";
import type { Position } from "./position.ts";
import { LoweringAbort, type Reporter } from "./report.ts";
import type { Script } from "./script.ts";
import { arithWord, boolVar, dependsOnState, hasEffect, lowered, readVar, type Lowered, type Val } from "./values.ts";

/**
 * Conversions between the forms a value takes (values.ts): to text, to a condition, into a
 * variable, frozen in a temporary; and operands evaluated left to right, as JavaScript does.
 */
export class Conversions {
  constructor(
    private readonly facts: TypeFacts,
    private readonly report: Reporter,
    private readonly script: Script,
    private readonly position: Position,
  ) {}

  /** `helper args…` followed by reading its result register as a value of `kind`. */
  callHelper(name: string, args: Word[], kind: Scalar | "array" | "optional-string"): Lowered {
    const call = sh.command(this.script.useHelper(name), ...args);
    if (kind === "array") return lowered({ kind: "array", word: sh.word(sh.param(RESULT)) }, [call]);
    if (kind === "optional-string") return lowered({ kind: "optional", name: RESULT, inner: "string" }, [call]);
    if (kind === "boolean") return lowered({ kind: "boolean", cond: call, effect: true });
    return lowered(readVar(RESULT, kind), [call]);
  }

  // --- Conversions ---------------------------------------------------------------------------

  /** The value as text, as JavaScript's String() would show it. */
  toWord(l: Lowered, node: ts.Node): Lowered<Val> & { word: Word } {
    const v = l.val;
    switch (v.kind) {
      case "string":
        return { ...l, word: v.word };
      case "number":
        return { ...l, word: arithWord(v.arith) };
      case "boolean": {
        if (v.word) return { ...l, word: v.word };
        const stored = this.freeze(l);
        return { ...stored, word: (stored.val as { word: Word }).word };
      }
      case "optional":
        if (v.inner === "array") return this.report.fail(diagnosticsUnprintable(node));
        return { ...l, word: sh.word(sh.param(v.name, { kind: "default", colon: false, word: sh.word("undefined") })) };
      case "undefined":
      case "void":
        return { ...l, word: sh.word("undefined") };
      default:
        return this.report.fail(diagnosticsUnprintable(node));
    }
  }

  /** The value as a condition, with JavaScript truthiness. */
  toCond(l: Lowered): { pre: Command[]; cond: Command } {
    const v = l.val;
    const cond = ((): Command => {
      switch (v.kind) {
        case "string": {
          const text = sh.literalText(v.word);
          if (text !== undefined) return text === "" ? sh.falseCommand() : sh.trueCommand();
          return sh.test("-n", v.word);
        }
        case "number":
          if (v.arith.kind === "num") return v.arith.value === 0 ? sh.falseCommand() : sh.trueCommand();
          return sh.test(arithWord(v.arith), "-ne", "0");
        case "boolean":
          return v.cond;
        case "optional":
          // `${v-}`: unset reads as empty, and says so to a reader (and to shellcheck).
          if (v.inner === "string" || v.inner === "array") return sh.test("-n", sh.word(sh.orEmpty(v.name)));
          if (v.inner === "number") {
            return sh.test(sh.word(sh.param(v.name, { kind: "default", colon: true, word: sh.word("0") })), "-ne", "0");
          }
          return sh.test(sh.word(sh.orEmpty(v.name)), "=", "true");
        case "undefined":
        case "void":
          return sh.falseCommand();
        case "array":
        case "record":
          return sh.trueCommand();
      }
    })();
    return { pre: l.pre, cond };
  }

  /** Commands that store the value into variable `name` (unset for undefined). */
  store(name: string, l: Lowered, origin?: Origin): Command[] {
    const v = l.val;
    const assign = (w: Word): Command[] =>
      w.parts.length === 1 && w.parts[0]!.kind === "param" && !w.parts[0]!.op && w.parts[0]!.name === name
        ? [] // `x=$x` does nothing
        : [sh.assign(name, w, origin)];
    switch (v.kind) {
      case "string":
      case "array":
        return [...l.pre, ...assign(v.word)];
      case "number":
        return [...l.pre, ...assign(arithWord(v.arith))];
      case "boolean":
        if (v.word) return [...l.pre, ...assign(v.word)];
        return [...l.pre, sh.ifThen([v.cond], assign(sh.word("true")), assign(sh.word("false")))];
      case "optional":
        if (v.name === name) return l.pre;
        return [
          ...l.pre,
          sh.ifThen(
            [sh.test(sh.word(sh.param(v.name, { kind: "alternative", colon: false, word: sh.word("set") })))],
            assign(sh.word(sh.param(v.name))),
            [sh.command("unset", name)],
          ),
        ];
      case "void": {
        // A void call's result is undefined; after a never call nothing runs.
        const last = l.pre[l.pre.length - 1];
        if (last?.kind === "simple" && last.noReturn) return l.pre;
        return [...l.pre, sh.command("unset", name)];
      }
      case "undefined":
        return [...l.pre, sh.command("unset", name)];
      case "record":
        throw new Error(`internal: cannot store a ${v.kind} in one variable`);
    }
  }

  /** Stores the value in a fresh temporary, so later effects cannot change it. */
  freeze(l: Lowered): Lowered {
    const v = l.val;
    if (v.kind === "record") {
      const pre = [...l.pre];
      const fields = new Map<string, Val>();
      for (const [field, fv] of v.fields) {
        const frozen = this.freeze(lowered(fv));
        pre.push(...frozen.pre);
        fields.set(field, frozen.val);
      }
      return lowered({ kind: "record", fields }, pre);
    }
    if (v.kind === "undefined" || v.kind === "void") return l;
    const temp = this.script.newTemp(this.position.scope);
    const pre = this.store(temp, l);
    switch (v.kind) {
      case "string":
        return lowered({ kind: "string", word: sh.word(sh.param(temp)) }, pre);
      case "array":
        return lowered({ kind: "array", word: sh.word(sh.param(temp)) }, pre);
      case "number":
        return lowered(readVar(temp, "number"), pre);
      case "boolean":
        return lowered(boolVar(temp), pre);
      case "optional":
        return lowered({ kind: "optional", name: temp, inner: v.inner }, pre);
    }
  }

  /**
   * Evaluates operands left to right as JavaScript does: when a later operand runs commands,
   * every earlier value that reads a variable is frozen first.
   */
  sequence(items: Lowered[]): { pre: Command[]; vals: Val[] } {
    const out: Lowered[] = [];
    let laterEffects = false;
    for (let i = items.length - 1; i >= 0; i--) {
      let item = items[i]!;
      const needsFreeze =
        laterEffects && (dependsOnState(item.val, this.script.temps) || (item.val.kind === "boolean" && !!item.val.effect));
      if (needsFreeze) item = this.freeze(item);
      else if (item.val.kind === "boolean" && item.val.effect && i < items.length - 1) item = this.freeze(item);
      out.unshift(item);
      laterEffects ||= hasEffect(items[i]!);
    }
    return { pre: out.flatMap((l) => l.pre), vals: out.map((l) => l.val) };
  }

  /** Reads a binding as a value of the type it has at `node` (narrowing included). */
  readBinding(binding: Binding, node: ts.Node): Val {
    if (binding.kind === "record") {
      return {
        kind: "record",
        fields: new Map(
          [...binding.fields].map(([field, f]) => [
            field,
            f.type.optional ? { kind: "optional", name: f.name, inner: f.type.kind } : readVar(f.name, f.type.kind),
          ]),
        ),
      };
    }
    if (binding.kind === "function") throw new Error("internal: function read as a value");
    if (binding.kind === "broken") throw new LoweringAbort();
    if (binding.kind === "constant") return binding.val;
    if (binding.kind === "joined" || binding.kind === "split" || binding.kind === "config" || binding.kind === "variant") throw new Error(`internal: ${binding.kind} read as a variable`);
    const type = binding.type;
    if (type.kind !== "string" && type.kind !== "number" && type.kind !== "boolean" && type.kind !== "array") {
      throw new Error(`internal: variable of type ${type.kind}`);
    }
    const here = this.facts.shTypeOf(node);
    // Typed `never` (narrowed away: dead code to TypeScript, not always to sh), it is read as declared.
    const optionalHere = here && here.kind !== "undefined" && here.kind !== "never" ? "optional" in here && here.optional : true;
    // TypeScript's narrowing to `undefined` is trusted only where it is sound. A variable
    // functions assign may be set although TypeScript still types it `undefined` (it does not
    // follow calls), and one a `??` tests may be `false`, `0` or "" (see testedByNullish):
    // those are read, not assumed.
    if (here?.kind === "undefined" && !binding.shared && !testedByNullish(node, this.facts)) return { kind: "undefined" };
    if (type.optional && optionalHere) return { kind: "optional", name: binding.name, inner: type.kind };
    if (type.optional && binding.shared && ts.isIdentifier(node)) {
      const symbol = this.facts.symbolOf(node);
      if (symbol && narrowingMayBeStale(node, symbol, this.facts)) this.report.fail(diagnostics.staleNarrowing(node, node.text));
    }
    return readVar(binding.name, type.kind);
  }
}

const diagnosticsUnprintable = (node: ts.Node) =>
  diagnostics.unsupportedMember(node, "Converting an array or record to text (join an array, or print the fields)");
