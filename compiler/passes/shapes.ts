/** Shapes of commands and words that several passes look for. */
import type { Command, Simple, Word } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { someChild } from "../sh/walk.ts";

/** `$name` and nothing else. */
export const isPlainRead = (w: Word, name: string): boolean => w.parts.length === 1 && w.parts[0]!.kind === "param" && w.parts[0]!.name === name && !w.parts[0]!.op;

/** `unset name` alone. */
export const isUnsetOf = (c: Command, name: string): boolean =>
  c.kind === "simple" && c.assigns.length === 0 && c.redirects.length === 0 && c.words.length === 2 &&
  sh.literalText(c.words[0]!) === "unset" && sh.literalText(c.words[1]!) === name;

/** A command after which nothing in its list runs: a jump, `exit`, or a call to a `never` function. */
export const endsInJump = (c: Command): boolean =>
  c.kind === "simple" &&
  (!!c.noReturn || (c.words.length > 0 && ["return", "exit", "break", "continue"].includes(sh.literalText(c.words[0]!) ?? "")));

/** A command after which nothing in its list runs: a jump, or a compound command every way through which ends in one. */
export const alwaysJumps = (c: Command): boolean => alwaysEnds(c, endsInJump);

/** Every way through `c` ends in a simple command that `ends` accepts (and nothing after it runs). */
export function alwaysEnds(c: Command, ends: (s: Simple) => boolean): boolean {
  const last = (list: readonly Command[]) => list.length > 0 && alwaysEnds(list[list.length - 1]!, ends);
  switch (c.kind) {
    case "simple":
      return ends(c);
    case "if":
      return !!c.otherwise && last(c.otherwise) && c.clauses.every((k) => last(k.body));
    case "case":
      return c.arms.some((a) => a.patterns.some(isCatchAll)) && c.arms.every((a) => last(a.body));
    case "group":
      return last(c.body);
    // A test that never returns: `panic && x`, `! panic`, `while panic; do …`.
    case "and":
    case "or":
      return alwaysEnds(c.left, ends);
    case "not":
      return alwaysEnds(c.command, ends);
    // `while :` with no `break` in it: only `return`, `exit`, a `continue` or `break` to an
    // outer loop (each leaving this list too) or never ending gets out of it.
    case "while":
      return c.test.some((t) => alwaysEnds(t, ends)) || (c.test.length === 1 && isTrue(c.test[0]!) && !c.body.some((x) => runsAnywhere(x, "break")));
    default:
      return false;
  }
}

/** `:` or `true`. */
export const isTrue = (c: Command): boolean =>
  c.kind === "simple" && c.assigns.length === 0 && c.redirects.length === 0 && c.words.length === 1 && [":", "true"].includes(sh.literalText(c.words[0]!) ?? "");

/** A simple command named `name` anywhere in `c`, at any depth (`break`, whatever loop it leaves; `return`). */
export function runsAnywhere(c: Command, name: string): boolean {
  if (c.kind === "simple") return c.words.length > 0 && sh.literalText(c.words[0]!) === name;
  return someChild(c, (x) => runsAnywhere(x, name));
}

/** `*`: a pattern every subject matches. */
export const isCatchAll = (p: sh.Pattern): boolean => p.parts.length === 1 && p.parts[0]!.kind === "glob" && p.parts[0]!.text === "*";

/** `x` when `c` is `[ "${x+set}" ]` or `[ -n "${x+set}" ]` (polarity true) or `[ -z "${x+set}" ]` (false). */
export function isSetTest(c: Command): { name: string; polarity: boolean } | undefined {
  if (c.kind !== "simple" || c.assigns.length > 0 || c.redirects.length > 0) return undefined;
  const words = c.words.map((w) => sh.literalText(w));
  if (words[0] !== "[" || words[words.length - 1] !== "]") return undefined;
  let polarity = true;
  let operand: Word;
  if (c.words.length === 3) operand = c.words[1]!;
  else if (c.words.length === 4 && (words[1] === "-n" || words[1] === "-z")) {
    polarity = words[1] === "-n";
    operand = c.words[2]!;
  } else return undefined;
  const p = operand.parts.length === 1 ? operand.parts[0]! : undefined;
  if (p?.kind !== "param" || p.op?.kind !== "alternative" || p.op.colon || sh.literalText(p.op.word) !== "set") return undefined;
  return { name: p.name, polarity };
}
