/** Shapes of commands and words that several passes look for. */
import type { Command, Word } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";

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
