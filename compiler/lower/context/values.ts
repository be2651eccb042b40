import * as sh from "../../sh/ast.ts";
import type { Arith, Command, Word } from "../../sh/ast.ts";
import { wordReads } from "../../sh/reads.ts";
import { forEachExpansion } from "../../sh/walk.ts";
import { isResultRegister } from "../../sh/registers.ts";
import type { Scalar } from "../analyses/types.ts";

/**
 * A lowered expression's value. Which form a value takes follows from its TypeScript type;
 * conversions between forms (a number into text, a string into a condition …) live here.
 */
export type Val =
  | { kind: "string"; word: Word }
  | { kind: "number"; arith: Arith }
  /** A boolean as a condition; `word` is its text (`true`/`false`) when that costs nothing. */
  | { kind: "boolean"; cond: Command; word?: Word; effect?: boolean }
  /** A variable that is unset when the value is `undefined`. */
  | { kind: "optional"; name: string; inner: Scalar | "array" }
  | { kind: "undefined" }
  /** An array reference: the word is the array's id. */
  | { kind: "array"; word: Word }
  | { kind: "record"; fields: Map<string, Val> }
  | { kind: "void" };

/** A value and the commands that must run first to compute it. */
export interface Lowered<V extends Val = Val> {
  pre: Command[];
  val: V;
}

export const lowered = <V extends Val>(val: V, pre: Command[] = []): Lowered<V> => ({ pre, val });

export const stringVal = (w: Word): Val => ({ kind: "string", word: w });
export const numberVal = (a: Arith): Val => ({ kind: "number", arith: a });
export const boolLiteral = (b: boolean): Val => ({
  kind: "boolean",
  cond: b ? sh.trueCommand() : sh.falseCommand(),
  word: sh.word(b ? "true" : "false"),
});
/** A boolean stored as the words true/false in a variable. */
export const boolVar = (name: string): Val => ({
  kind: "boolean",
  cond: sh.test(sh.word(sh.param(name)), "=", "true"),
  word: sh.word(sh.param(name)),
});

/** The value as a word of text, the way JavaScript's String() shows it. */
export function arithWord(a: Arith): Word {
  if (a.kind === "num") return sh.word(String(a.value));
  if (a.kind === "var") return sh.word(sh.param(a.name));
  if (a.kind === "expansion") return sh.word(a.part);
  return sh.word(sh.arithPart(a));
}

/** The text of a value known at compile time (a string, number or boolean literal), else undefined. */
export function literalText(v: Val): string | undefined {
  if (v.kind === "string") return sh.literalText(v.word);
  if (v.kind === "number") return v.arith.kind === "num" ? String(v.arith.value) : undefined;
  if (v.kind === "boolean" && v.word) return sh.literalText(v.word);
  return undefined;
}

/** The value of a variable holding a value of the given kind (an array: its reference). */
export function readVar(name: string, kind: Scalar | "array"): Val {
  if (kind === "array") return { kind: "array", word: sh.word(sh.param(name)) };
  if (kind === "string") return stringVal(sh.word(sh.param(name)));
  if (kind === "number") return numberVal(sh.arithVar(name));
  return boolVar(name);
}

/** True when reading the value later could give a different result (so it must be frozen first). */
export function dependsOnState(val: Val, temps: ReadonlySet<string>): boolean {
  switch (val.kind) {
    case "string":
    case "array":
      return !isStable(val.word, temps);
    case "number":
      return !isStable(sh.word(sh.arithPart(val.arith)), temps);
    case "boolean":
      return val.word ? !isStable(val.word, temps) : true;
    case "optional":
      return !temps.has(val.name);
    case "record":
      return [...val.fields.values()].some((f) => dependsOnState(f, temps));
    case "undefined":
    case "void":
      return false;
  }
}

/** A word that reads only variables that never change (`temps`), with no operator but `${#x}`, and runs nothing. */
function isStable(w: Word, temps: ReadonlySet<string>): boolean {
  let stable = true;
  forEachExpansion(w, {
    param: (p) => (stable &&= temps.has(p.name) && (!p.op || p.op.kind === "length")),
    arithVar: (name) => (stable &&= temps.has(name)),
    substitution: () => (stable = false),
  });
  return stable;
}

/** True when evaluating the value itself runs a command with effects (a boolean function call). */
export const hasEffect = (l: Lowered): boolean => l.pre.length > 0 || (l.val.kind === "boolean" && !!l.val.effect);

/** True when the word reads a helper's result register (`__r`, `__r_name` …), which the next helper call overwrites. */
export const readsRegister = (w: Word): boolean => [...wordReads(w)].some(isResultRegister);
