import type { Arith, ArithOp, Command, Simple, Word } from "../sh/ast.ts";
import * as sh from "../sh/ast.ts";
import { mapCommands, mapLists, rewriteCommands } from "../sh/walk.ts";
import { isBare } from "./effects.ts";
import { alwaysJumps, isCatchAll, isPlainRead, isTrue } from "./shapes.ts";

/**
 * Constant conditions. Lowering turns conditions it can decide at compile time into `true` and
 * `false` (a literal's truthiness, `x ?? y` on a value that is never undefined …); this pass
 * decides `[ … ]` tests on literals too, keeps only the branch that runs, writes a negated
 * comparison as the opposite comparison (`! [ "$n" -eq 1 ]` → `[ "$n" -ne 1 ]`), and takes
 * the commands of a `{ …; }` group that groups nothing out of their braces.
 *
 * A command's exit status can matter: it may be a function's result or a condition. Every
 * rewrite keeps it: a folded `if` has the status of the branch it keeps, and an `if` that
 * folds to nothing (status 0) is dropped only where a later command in the same list sets
 * the status again, otherwise it becomes `:`.
 */
export function foldConstants(commands: readonly Command[]): Command[] {
  const folded = mapCommands(commands, (c) => {
    const out = foldCommand(c);
    return out.length > 0 ? out : [NOTHING];
  });
  return mapLists(folded, (list) =>
    withoutUnreachable(list).flatMap((c, i, kept) => {
      if (c !== NOTHING) return [c];
      const last = i === kept.length - 1 || isBare(kept[i + 1]!, "return") || isBare(kept[i + 1]!, "exit");
      return last ? [sh.command(":")] : [];
    }),
  );
}

/** A list up to its first command that never lets the list go on (folding can make one unconditional). */
function withoutUnreachable(list: Command[]): Command[] {
  const end = list.findIndex(alwaysJumps);
  return end < 0 ? list : list.slice(0, end + 1);
}

/** What an `if` that runs nothing folds to, until its list says whether its status matters. */
const NOTHING: Command = sh.command(":");

/** The constant value of a condition, when it has one. */
export function constantStatus(c: Command): boolean | undefined {
  if (c.kind === "not") {
    const inner = constantStatus(c.command);
    return inner === undefined ? undefined : !inner;
  }
  if (c.kind === "and" || c.kind === "or") {
    const left = constantStatus(c.left);
    const right = constantStatus(c.right);
    if (c.kind === "and") return left === false ? false : left === true ? right : undefined;
    return left === true ? true : left === false ? right : undefined;
  }
  if (c.kind !== "simple" || c.assigns.length > 0 || c.redirects.length > 0 || c.words.length === 0) return undefined;
  const words = c.words.map((w) => sh.literalText(w));
  if (words.length === 1 && (words[0] === "true" || words[0] === ":")) return true;
  if (words.length === 1 && words[0] === "false") return false;
  if (words[0] !== "[" || words[words.length - 1] !== "]") return undefined;
  if (words.some((w) => w === undefined)) return testOnPartLiterals(c.words.slice(1, -1), words.slice(1, -1));
  return testOnLiterals(words.slice(1, -1) as string[]);
}

/**
 * A test whose operands are only partly known: text with a literal character is never empty,
 * and two words whose literal beginnings (or ends) disagree are never equal.
 */
function testOnPartLiterals(args: readonly Word[], texts: readonly (string | undefined)[]): boolean | undefined {
  const nonEmpty = (w: Word) => w.parts.some((p) => p.kind === "lit" && !p.syntax && p.text !== "");
  if (args.length === 1) return nonEmpty(args[0]!) ? true : undefined;
  if (args.length === 2 && (texts[0] === "-n" || texts[0] === "-z")) return nonEmpty(args[1]!) ? texts[0] === "-n" : undefined;
  if (args.length !== 3 || (texts[1] !== "=" && texts[1] !== "!=")) return undefined;
  const edge = (w: Word, fromEnd: boolean) => {
    const parts = fromEnd ? [...w.parts].reverse() : w.parts;
    let text = "";
    for (const p of parts) {
      if (p.kind !== "lit") break;
      text = fromEnd ? p.text + text : text + p.text;
    }
    return text;
  };
  const [a, b] = [args[0]!, args[2]!];
  // Known text against a partly known word: the word's literal pieces must all fit, in order.
  for (const [known, other] of [[texts[0], b], [texts[2], a]] as const) {
    if (known === undefined) continue;
    const shape = other.parts.map((p) => (p.kind === "lit" ? p.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : "[\\s\\S]*")).join("");
    if (!new RegExp(`^${shape}$`).test(known)) return texts[1] === "!=";
  }
  const [pa, pb, sa, sb] = [edge(a, false), edge(b, false), edge(a, true), edge(b, true)];
  const differ = !(pa.startsWith(pb) || pb.startsWith(pa)) || !(sa.endsWith(sb) || sb.endsWith(sa));
  return differ ? texts[1] === "!=" : undefined;
}

const INTEGER = /^-?[0-9]+$/;

function testOnLiterals(args: string[]): boolean | undefined {
  if (args.length === 1) return args[0] !== "";
  if (args.length === 2 && args[0] === "-n") return args[1] !== "";
  if (args.length === 2 && args[0] === "-z") return args[1] === "";
  if (args.length !== 3) return undefined;
  const [a, op, b] = args as [string, string, string];
  if (op === "=") return a === b;
  if (op === "!=") return a !== b;
  if (!INTEGER.test(a) || !INTEGER.test(b) || a.length > 9 || b.length > 9) return undefined;
  const x = Number(a);
  const y = Number(b);
  switch (op) {
    case "-eq":
      return x === y;
    case "-ne":
      return x !== y;
    case "-lt":
      return x < y;
    case "-le":
      return x <= y;
    case "-gt":
      return x > y;
    case "-ge":
      return x >= y;
    default:
      return undefined;
  }
}

const OPPOSITE: Record<string, string> = { "-eq": "-ne", "-ne": "-eq", "-lt": "-ge", "-ge": "-lt", "-gt": "-le", "-le": "-gt", "=": "!=", "!=": "=" };

/**
 * `! [ a op b ]` as `[ a op' b ]` for the comparisons that have an opposite, `! [ -n x ]` and
 * `! [ x ]` as `[ -z x ]`, `! [ -z x ]` as `[ -n x ]` (shellcheck's SC2237 asks for these).
 */
function flipped(c: Command): Simple | undefined {
  if (c.kind !== "simple" || c.assigns.length > 0 || c.redirects.length > 0 || c.words.length < 3 || c.words.length > 5) return undefined;
  const words = c.words;
  if (sh.literalText(words[0]!) !== "[" || sh.literalText(words[words.length - 1]!) !== "]") return undefined;
  const operator = (w: Word) => (w.parts.length === 1 && w.parts[0]!.kind === "lit" && w.parts[0]!.syntax ? w.parts[0]!.text : undefined);
  const op = (text: string): Word => ({ parts: [{ kind: "lit", text, syntax: true }] });
  if (words.length === 3) return { ...c, words: [words[0]!, op("-z"), words[1]!, words[2]!] };
  if (words.length === 4) {
    const unary = operator(words[1]!);
    if (unary !== "-n" && unary !== "-z") return undefined;
    return { ...c, words: [words[0]!, op(unary === "-n" ? "-z" : "-n"), words[2]!, words[3]!] };
  }
  const opposite = OPPOSITE[operator(words[2]!) ?? ""];
  if (!opposite) return undefined;
  return { ...c, words: [words[0]!, words[1]!, op(opposite), words[3]!, words[4]!] };
}

const withoutEmptyText = (w: Word): Word => ({ parts: w.parts.filter((p) => !(p.kind === "lit" && p.text === "")) });

/** `[ … ]` on words that expand without running anything. */
const isPureTest = (c: Command): boolean =>
  c.kind === "simple" && c.assigns.length === 0 && c.redirects.length === 0 && c.words.length > 0 && sh.literalText(c.words[0]!) === "[" &&
  c.words.every((w) => w.parts.every((p) => p.kind === "lit" || (p.kind === "param" && (!p.op || p.op.kind === "length" || p.op.kind === "alternative"))));

const constCommand = (status: boolean): Command => (status ? sh.trueCommand() : sh.falseCommand());

/** One command folded: the commands that replace it (possibly none). */
function foldCommand(c: Command): Command[] {
  switch (c.kind) {
    case "simple": {
      // `x=$x` (x is set: lowering writes it only for a variable that always is) does nothing.
      if (c.assigns.length === 1 && c.words.length === 0 && c.redirects.length === 0 && isPlainRead(withoutEmptyText(c.assigns[0]!.value), c.assigns[0]!.name)) return [];
      const status = constantStatus(c);
      return status !== undefined && sh.literalText(c.words[0]!) === "[" ? [constCommand(status)] : [c];
    }
    case "not": {
      // `! ! x` is x as a condition (and sh allows only one `!` per pipeline).
      if (c.command.kind === "not") return [c.command.command];
      const status = constantStatus(c);
      if (status !== undefined) return [constCommand(status)];
      const f = flipped(c.command) ?? flippedCase(c.command);
      return [f ?? c];
    }
    case "and":
    case "or": {
      if (alwaysJumps(c.left)) return [c.left];
      const left = constantStatus(c.left);
      if (left === undefined) return [c];
      // `true && x` and `false || x` are x; `false && x` and `true || x` are their left side.
      return (c.kind === "and") === left ? [c.right] : [constCommand(left)];
    }
    case "if": {
      const clauses: typeof c.clauses = [];
      for (const clause of c.clauses) {
        // A test that never returns (a `never` call): its body and what follows never run.
        if (clause.test.some(alwaysJumps)) return clauses.length === 0 ? clause.test : [{ ...c, clauses, otherwise: clause.test }];
        const status = clause.test.length === 1 ? constantStatus(clause.test[0]!) : undefined;
        if (status === false) continue;
        if (status === true) {
          // Decided here: this body runs unless an earlier, undecided clause takes over.
          if (clauses.length === 0) return clause.body;
          return [{ ...c, clauses, otherwise: clause.body }];
        }
        clauses.push(clause);
      }
      if (clauses.length === 0) return c.otherwise ?? [];
      // Nothing to do on any branch, and tests without effects: nothing at all.
      const idle = (body: readonly Command[] | undefined) => (body ?? []).every((b) => b === NOTHING || isBare(b, ":"));
      if (clauses.every((k) => idle(k.body) && k.test.every(isPureTest)) && idle(c.otherwise)) return [];
      const kept = clauses.length === c.clauses.length ? c : { ...c, clauses };
      return [caseForIf(kept) ?? kept];
    }
    case "while": {
      if (c.test.some(alwaysJumps)) return c.test;
      const status = c.test.length === 1 ? constantStatus(c.test[0]!) : undefined;
      if (status === false) return [];
      // `while :` ends only by break, return or exit, so its body's last status is never the
      // loop's: a trailing `true` (what `do … while (true)` leaves) does nothing.
      const last = c.body[c.body.length - 1];
      if (status === true && c.body.length > 1 && last && isTrue(last)) return [{ ...c, body: c.body.slice(0, -1) }];
      return [c];
    }
    case "group":
      // `{ …; }` only groups: in a list its commands stand on their own, and `{ { …; }; }`
      // is `{ …; }` (an operand of `&&`, `||` or `!` is regrouped by the walk).
      return c.body.length > 0 ? c.body : [c];
    default:
      return [c];
  }
}

/** The status each arm of a `case` sets, when each sets a constant one (an empty arm: 0). */
function armStatuses(c: Command): boolean[] | undefined {
  if (c.kind !== "case") return undefined;
  const statuses = c.arms.map((arm) => (arm.body.length === 0 ? true : arm.body.length === 1 ? constantStatus(arm.body[0]!) : undefined));
  return statuses.every((s) => s !== undefined) ? statuses : undefined;
}

/** `! case … in p) ;; *) false ;; esac` is the `case` with each arm's status flipped (none matching stays 0, so a catch-all arm is needed). */
function flippedCase(c: Command): sh.Case | undefined {
  const statuses = armStatuses(c);
  if (c.kind !== "case" || !statuses) return undefined;
  if (!c.arms[c.arms.length - 1]?.patterns.some(isCatchAll)) return undefined;
  return { ...c, arms: c.arms.map((arm, i) => ({ patterns: arm.patterns, body: statuses[i] ? [sh.falseCommand()] : [] })) };
}

/**
 * `if case $s in p) ;; *) false ;; esac; then a; else b; fi` is `case $s in p) a ;; *) b ;; esac`:
 * each arm of a test whose arms only set a status takes the branch that status picks. An arm
 * left with nothing to do at the end goes (no arm matching is status 0, as an `if` without
 * `else` whose test fails). Only when each branch lands in one arm, so nothing is written twice.
 */
function caseForIf(c: sh.If): sh.Case | undefined {
  const test = c.clauses.length === 1 && c.clauses[0]!.test.length === 1 ? c.clauses[0]!.test[0]! : undefined;
  const statuses = test && armStatuses(test);
  if (test?.kind !== "case" || !statuses || statuses.filter((s) => s).length > 1 || statuses.filter((s) => !s).length > 1) return undefined;
  const arms = test.arms.map((arm, i) => ({ patterns: arm.patterns, body: statuses[i] ? c.clauses[0]!.body : (c.otherwise ?? []) }));
  while (arms.length > 0 && arms[arms.length - 1]!.body.length === 0) arms.pop();
  if (arms.length === 0) return undefined;
  return { kind: "case", subject: test.subject, arms, origin: c.origin ?? test.origin };
}

// --- Arithmetic -------------------------------------------------------------------------------

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "!=", "&&", "||"]);

/**
 * One arithmetic node folded, its operands folded already: arithmetic on literals (`2 < 0` →
 * `0`) and what that leaves (`x < 0 != 0` → `x < 0`). Only results every target shell
 * computes alike: 32-bit values, no division by zero.
 */
function foldArithNode(a: Arith): Arith {
  switch (a.kind) {
    case "unary": {
      if (a.operand.kind === "num") {
        const value = a.op === "-" ? -a.operand.value : a.operand.value === 0 ? 1 : 0;
        if (value >= INT32_MIN && value <= INT32_MAX) return sh.num(value === 0 ? 0 : value);
      }
      return a;
    }
    case "conditional":
      return a.test.kind === "num" ? (a.test.value !== 0 ? a.whenTrue : a.whenFalse) : a;
    case "binary": {
      const { left, right } = a;
      if (left.kind === "num" && right.kind === "num") {
        const value = evaluate(a.op, left.value, right.value);
        if (value !== undefined) return sh.num(value);
      }
      // A comparison is 0 or 1 already.
      if (a.op === "!=" && right.kind === "num" && right.value === 0 && left.kind === "binary" && COMPARISONS.has(left.op)) return left;
      return a;
    }
    default:
      return a;
  }
}

function evaluate(op: ArithOp, x: number, y: number): number | undefined {
  const bool = (b: boolean) => (b ? 1 : 0);
  let value: number;
  switch (op) {
    case "+": value = x + y; break;
    case "-": value = x - y; break;
    case "*": value = x * y; break;
    case "/": if (y === 0) return undefined; value = Math.trunc(x / y); break;
    case "%": if (y === 0) return undefined; value = x % y; break;
    case "<": value = bool(x < y); break;
    case "<=": value = bool(x <= y); break;
    case ">": value = bool(x > y); break;
    case ">=": value = bool(x >= y); break;
    case "==": value = bool(x === y); break;
    case "!=": value = bool(x !== y); break;
    case "&&": value = bool(x !== 0 && y !== 0); break;
    case "||": value = bool(x !== 0 || y !== 0); break;
  }
  if (!Number.isSafeInteger(value) || value < INT32_MIN || value > INT32_MAX) return undefined;
  return value === 0 ? 0 : value; // no -0
}

/** Folds the arithmetic in every word of the program; a constant `$((…))` becomes its digits (`[ 7 -gt 5 ]` is then a literal test foldConstants decides). */
export function foldArithmetic(commands: readonly Command[]): Command[] {
  // What holds no arithmetic to fold comes back as it was (the passes see unchanged rounds by identity).
  return rewriteCommands(commands, {
    arith: foldArithNode,
    part: (p) => (p.kind === "arith" && p.expr.kind === "num" ? { kind: "lit", text: String(p.expr.value) } : p),
  });
}
