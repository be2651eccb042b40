/**
 * The shell AST: what the lowering produces and the printer prints. Words are lists of
 * literal and expansion parts; how each part is quoted is the printer's business alone.
 */

/** Where a node came from in the TypeScript source, for annotations and runtime errors. */
export interface Origin {
  file: string;
  line: number;
}

// --- Words -----------------------------------------------------------------------------------

/** Literal text: always printed so that it means exactly itself. */
export interface Lit {
  kind: "lit";
  text: string;
  /** Command syntax the compiler wrote (`[`, `=`, `-n` …), printed bare; never user data. */
  syntax?: boolean;
}

/** `$name`, `${name-alt}`, `${#name}` … Always expanded as one field. */
export interface Param {
  kind: "param";
  name: string;
  op?: ParamOp;
}

export type ParamOp =
  | { kind: "length" }
  /** `${x-word}` (unset) or `${x:-word}` (unset or empty). */
  | { kind: "default"; colon: boolean; word: Word }
  /** `${x+word}` (set) or `${x:+word}`. */
  | { kind: "alternative"; colon: boolean; word: Word }
  /** `${x#pat}` `${x##pat}` `${x%pat}` `${x%%pat}`: only valid as a whole assignment value. */
  | { kind: "strip"; op: "#" | "##" | "%" | "%%"; pattern: Pattern };

/** `$(( … ))`. */
export interface ArithPart {
  kind: "arith";
  expr: Arith;
}

/** `$(command)`: the command's output, trailing newlines removed. Forks: only for `capture`. */
export interface CommandPart {
  kind: "command";
  command: Command;
}

/**
 * Pattern syntax (`*`, `?`, `[!0-9]`), printed bare: in a `case` pattern or `${x#…}` it
 * matches; in a `for` list it expands to the names of files (the runtime's `__listdir`).
 */
export interface Glob {
  kind: "glob";
  text: string;
}

export type WordPart = Lit | Param | ArithPart | CommandPart | Glob;
export interface Word {
  parts: WordPart[];
}

/** A glob pattern: literal and parameter parts match themselves; glob parts are pattern syntax. */
export type PatternPart = WordPart;
export interface Pattern {
  parts: PatternPart[];
}

// --- Arithmetic ------------------------------------------------------------------------------

export type ArithOp = "+" | "-" | "*" | "/" | "%" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "&&" | "||";
export type Arith =
  | { kind: "num"; value: number }
  | { kind: "var"; name: string }
  /** A word expanded inside arithmetic, e.g. `${#s}`. */
  | { kind: "expansion"; part: Param }
  | { kind: "unary"; op: "-" | "!"; operand: Arith }
  | { kind: "binary"; op: ArithOp; left: Arith; right: Arith }
  | { kind: "conditional"; test: Arith; whenTrue: Arith; whenFalse: Arith };

// --- Commands --------------------------------------------------------------------------------

export interface Redirect {
  fd: number;
  /** `<<` is a here-document: `target` is its body (expanded, without its final newline). */
  op: ">" | ">>" | "<" | ">&" | "<<";
  target: Word;
}

interface Base {
  origin?: Origin;
  /** What running this command needs of the machine, beyond the programs it runs (see compiler/manifest). */
  needs?: Needs;
}

/**
 * Facts for the manifest that the command's text does not show, recorded where a call is
 * lowered: the passes keep them on the command or drop them with it, so only what the final
 * script can still do is listed.
 */
export interface Needs {
  /**
   * Kernel modules loaded by name; `dynamic` when some names are known only at boot; `slots`:
   * configuration slots (a name, or an array of names) whose values each variant adds.
   */
  modules?: { names: string[]; dynamic: boolean; slots?: string[] };
  /** Files of the initramfs the command reads. */
  files?: string[];
  /** Configuration slots holding more such files. */
  fileSlots?: string[];
  /** Whether those files are secrets (key files): a packer takes them only when told to. */
  secret?: boolean;
  /** Kernel command-line parameters the command reads. */
  params?: ParamRead[];
  /** Programs run from text the compiler wrote (a trap), which no runner command shows. */
  commands?: string[];
}

/** One read of a kernel command-line parameter, as `initsh params` documents it. */
export interface ParamRead {
  /** The parameter's name; undefined when it is not known until boot. */
  name: string | undefined;
  /** What the read gives: text, a whole number, on/off, every value, whether it is there, the init's own arguments. */
  kind: "string" | "int" | "flag" | "list" | "presence" | "args";
  /** The value used when the parameter is absent: quoted text, a bare number, or the expression the source gives. */
  fallback?: string;
  /** The configuration slot that gives the fallback, filled in per variant. */
  fallbackSlot?: string;
  /** The TSDoc of the statement that reads it, or of the constant that names it. */
  doc?: string;
  origin: Origin;
}

export interface Simple extends Base {
  kind: "simple";
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
  /** A call to a function typed `never`: nothing after it runs (the passes treat it as a jump). */
  noReturn?: boolean;
}
export interface If extends Base {
  kind: "if";
  clauses: { test: Command[]; body: Command[] }[];
  otherwise?: Command[];
}
export interface While extends Base {
  kind: "while";
  test: Command[];
  body: Command[];
}
export interface For extends Base {
  kind: "for";
  name: string;
  words: Word[];
  body: Command[];
}
export interface Case extends Base {
  kind: "case";
  subject: Word;
  arms: { patterns: Pattern[]; body: Command[] }[];
}
/** `left && right` / `left || right`. */
export interface AndOr extends Base {
  kind: "and" | "or";
  left: Command;
  right: Command;
}
export interface Not extends Base {
  kind: "not";
  command: Command;
}
/** `{ …; }`, with redirections of the whole group. */
export interface Group extends Base {
  kind: "group";
  body: Command[];
  redirects?: Redirect[];
}
export interface FunctionDef extends Base {
  kind: "function";
  name: string;
  body: Command[];
}
export interface Comment extends Base {
  kind: "comment";
  text: string;
}
export type Command = Simple | If | While | For | Case | AndOr | Not | Group | FunctionDef | Comment;

// --- Constructors ----------------------------------------------------------------------------

export const lit = (text: string): Lit => ({ kind: "lit", text });
export const param = (name: string, op?: ParamOp): Param => (op ? { kind: "param", name, op } : { kind: "param", name });
/** `${name-}`: the variable's value, empty when it is unset. */
export const orEmpty = (name: string): Param => param(name, { kind: "default", colon: false, word: word() });
export const word = (...parts: (WordPart | string)[]): Word => ({
  parts: parts.map((p) => (typeof p === "string" ? lit(p) : p)),
});
export const arithPart = (expr: Arith): ArithPart => ({ kind: "arith", expr });
export const num = (value: number): Arith => ({ kind: "num", value });
export const arithVar = (name: string): Arith => ({ kind: "var", name });
export const binary = (op: ArithOp, left: Arith, right: Arith): Arith => ({ kind: "binary", op, left, right });

/** A command from words; strings become literal words. */
export function command(...words: (Word | string)[]): Simple {
  return { kind: "simple", assigns: [], words: words.map((w) => (typeof w === "string" ? word(w) : w)), redirects: [] };
}
export function assign(name: string, value: Word, origin?: Origin): Simple {
  return { kind: "simple", assigns: [{ name, value }], words: [], redirects: [], origin };
}
export function ifThen(test: Command[], body: Command[], otherwise?: Command[]): If {
  return otherwise && otherwise.length > 0
    ? { kind: "if", clauses: [{ test, body }], otherwise }
    : { kind: "if", clauses: [{ test, body }] };
}
export const and = (left: Command, right: Command): AndOr => ({ kind: "and", left, right });
export const or = (left: Command, right: Command): AndOr => ({ kind: "or", left, right });
export function not(cmd: Command): Command {
  if (cmd.kind === "not") return cmd.command;
  // `! [ -z x ]` reads better (and lints clean) as `[ -n x ]`.
  if (cmd.kind === "simple" && cmd.words.length === 4 && literalText(cmd.words[0]!) === "[") {
    const op = literalText(cmd.words[1]!);
    const flipped = op === "-z" ? "-n" : op === "-n" ? "-z" : undefined;
    if (flipped) return { ...cmd, words: [cmd.words[0]!, syntaxWord(flipped), cmd.words[2]!, cmd.words[3]!] };
  }
  return { kind: "not", command: cmd };
}
export const group = (body: Command[]): Command => (body.length === 1 ? body[0]! : { kind: "group", body });
export const trueCommand = (): Simple => command("true");
export const falseCommand = (): Simple => command("false");
const syntaxWord = (text: string): Word => ({ parts: [{ kind: "lit", text, syntax: true }] });
/** `[ args… ]`; string arguments are operators (syntax), words are operands. */
export const test = (...args: (Word | string)[]): Simple => ({
  kind: "simple",
  assigns: [],
  words: ["[", ...args, "]"].map((a) => (typeof a === "string" ? syntaxWord(a) : a)),
  redirects: [],
});

export const isLiteralWord = (w: Word): boolean => w.parts.every((p) => p.kind === "lit");
export const literalText = (w: Word): string | undefined =>
  isLiteralWord(w) ? w.parts.map((p) => (p as Lit).text).join("") : undefined;

/** `printf '%s\n' word`: one line of text, exactly (the runtime's `printf` helper covers shells without the builtin). */
export const printLine = (text: Word): Simple => ({
  kind: "simple",
  assigns: [],
  words: [word("printf"), syntaxWord("%s\\n"), text],
  redirects: [],
});
