/**
 * Seeded generator of random, well-typed programs in initsh's supported subset, for the
 * random differential test (random.test.ts). `generateProgram(seed)` is deterministic.
 *
 * Every program it writes must type-check under the compiler's options (strict,
 * noUncheckedIndexedAccess, no unreachable code, no implicit returns) and stay inside the
 * subset: a program the compiler rejects is a bug here, and the test says so.
 *
 * What keeps the programs honest at run time, since Node is the oracle and the shells must
 * agree with it byte for byte:
 * - Termination: loops run a literal number of times (counters nobody else writes), for…of
 *   walks a fresh array or one that nothing may push to while it runs, recursion goes down a
 *   depth parameter from at most DMAX, functions call only functions declared before them.
 * - Size: every value that is stored (variables, parameters, results, fields, elements) has
 *   a static bound — string length, number magnitude, array length — and an expression that
 *   could exceed the bound of where it goes is cut (`.slice(0, n)`, `Math.floor(x / k)`,
 *   `((x % k) + k) % k`). Numbers stay far inside mksh's 32 bits; strings stay short.
 *   Array pushes are guarded (`if (xs.length < 8) xs.push(…)`).
 * - Cost: each function has an estimated worst-case cost in executed statements; calls are
 *   only generated while the caller's budget allows, so a program runs in milliseconds.
 * - No negative zero where JS would print it (console.log(-0) prints -0, sh cannot): an
 *   expression that could be -0 (`%`, `Math.trunc`, unary minus, `* -k`) only appears where
 *   -0 and 0 look the same (templates, String(), comparisons), or in a form that cannot be.
 * - Number(…) and parseInt(…) only see text that is a decimal integer (NaN has no sh form).
 * - TypeScript's flow checks: no literal on the left of `||`/`&&`/`??` or as a condition,
 *   booleans are never compared with === (narrowing to `true`/`false` makes that an error),
 *   names are declared only where no earlier reference could hit the temporal dead zone,
 *   and nothing follows a statement TypeScript knows cannot complete.
 */

// --- Limits ----------------------------------------------------------------------------------

/** Longest string a variable, parameter, result, field or element may hold. */
const SCAP = 30;
/** Longest string an accumulator (`acc += …`) may grow to. */
const ACC_S = 160;
/** Largest magnitude a stored number may have. */
const NCAP = 1_000_000;
/** Largest magnitude of any intermediate number. */
const NLIM = 100_000_000;
/** Longest intermediate string before it is cut. */
const SLIM = 300;
/** Longest array a parameter, result or field may hold (a split of SCAP bytes). */
const ACAP = SCAP + 1;
/** Pushes keep arrays at most this long (`if (xs.length < PUSH_GUARD) xs.push(a, b)`). */
const PUSH_GUARD = 8;
/** Largest depth passed to a recursive function. */
const DMAX = 4;
/** Worst-case statements per call of a function, and for the whole top level. */
const FN_BUDGET = 220;
const REC_BUDGET = 45;
const TOP_BUDGET = 5000;

/**
 * Constructs the generator can steer around. Each was a compiler bug (or shellcheck finding)
 * this test found; those set to false are fixed and generated again. The one still true makes
 * programs the compiler may reject on purpose with a diagnostic (IS1043), which the generator
 * cannot foresee. A switch set to true again narrows a regression down.
 */
const AVOID = {
  /** `function f(r: Rec = {…})` called as `f()` or `f(undefined)`: IS0000 "record argument without record value". */
  recordDefaultOmitted: false,
  /** `f(v && "x")` where `v` is known to be undefined and f's parameter has a default: IS1018 "Type 'undefined' has no sh representation". */
  undefinedAndToDefault: false,
  /**
   * An undefined `string[] | undefined` that comes out of `c ? xs : undefined` (or a function
   * result) is copied as an empty word, so it is no longer `=== undefined`.
   */
  optionalArrayThroughTernary: false,
  /**
   * A global optional that functions assign: reading it where TypeScript narrowed it and a
   * call to one of them may have run in between is rejected (IS1043), which the generator
   * cannot foresee. So functions do not assign global optionals (fn-global-state.ts and the
   * IS1043 cases cover them).
   */
  globalOptionalAssignedInFunction: true,
  /**
   * `xs.push(1, parseInt("41", 10) + 1)`: pushing the first element overwrites the register
   * (`__r`) the second one is computed from. So only the first of several pushed elements
   * may be more than a literal or a variable.
   */
  pushLaterArgsReadRegister: false,

  // Scripts shellcheck flags (the harness requires zero findings):
  /** SC2015: `do { … } while (a && b)` ends in `[ a ] && [ b ] || break`. */
  scDoWhileAnd: false,
  /** SC2157 / SC2193: text with literal parts tested for truthiness (`if (s + "x")`) or compared with a literal (`"%s" !== `a${s}``). */
  scLiteralWords: false,
  /** SC2017: `Math.trunc(n / 3) * 2` becomes `$((n / 3 * 2))`. */
  scTruncTimes: false,
  /** SC2269: `s = "" + s` becomes `s=$s`. */
  scSelfAssign: false,
  /** SC2154 / SC2317: `c ? die("x") : y` with a constant c leaves a read of an unset temporary after the call. */
  scConstantNeverBranch: false,
  /** SC2034: an unused variable with an all-uppercase name (renamed `AB_`) is kept. */
  scUppercaseUnused: false,
  /** SC2317: the helpers of a function that is never called are still emitted. So every function is called. */
  scUncalledFunctionHelpers: false,
  /** SC2317: a loop body that always jumps leaves the increment or the do…while test unreachable. So loop bodies always complete. */
  scLoopBodyJumps: false,
  /** SC2034: `for (const x of [1, 2])` with x unused keeps the unused variable. So the loop variable is read. */
  scUnusedLoopVariable: false,
  /** SC2034: an unused optional local in a recursive function stays (`local u`). */
  scUnusedOptionalInRecursion: false,
  /** SC2034: a record local in a recursive function that leaves an optional field out (`unset r_b; local r_b`, never read). */
  scRecordOptionalInRecursion: false,
  /** SC1072/SC1073: `"-n" !== s` becomes `[ -n != "$s" ]`, which shellcheck cannot parse (the shells can). So literals go right. */
  scLiteralLeftOfTest: false,
  /** SC2317: a spread (`xs.push(...ys)`, `[...xs]`) calls __apush through eval only; shellcheck sees it unused unless a plain push is there too. */
  scSpreadWithoutPush: false,
  /** SC2015: `a && b || f();` as a statement. */
  scAndOrStatement: false,
};

// --- Random numbers --------------------------------------------------------------------------

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed * 0x9e3779b1) >>> 0 || 1;
    for (let i = 0; i < 4; i++) this.next();
  }
  /** mulberry32 */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error("pick from an empty list");
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  /** Picks by weight; entries with weight 0 are skipped. */
  weighted<T>(items: readonly (readonly [number, T])[]): T | undefined {
    const total = items.reduce((s, [w]) => s + Math.max(0, w), 0);
    if (total <= 0) return undefined;
    let r = this.next() * total;
    for (const [w, v] of items) {
      if (w <= 0) continue;
      r -= w;
      if (r < 0) return v;
    }
    return items.filter(([w]) => w > 0).at(-1)?.[1];
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  }
}

// --- Pools -----------------------------------------------------------------------------------

const STRINGS = [
  "", "", "a", "b", "abc", "x y", "-n", "-e", "-n -e", "-E", "--", "-", "a,b", ",a,,b,", "a b  c", " pad ",
  "%s", "%d%%", "100%", "%", "\\", "a\\b", "\\n", "\\c", "x\\\\y", "it's", "'", "\"", "say \"hi\"", "$", "$x",
  "$HOME", "${x}", "$(echo hi)", "`id`", "*", "?", "[x]", "~", "a*b", "\n", "a\nb", "\nlead", "trail\n", "\t",
  "a\tb", "#c", "!", "a&&b", "|", ";", "<>", "=", "k=v", "a--b--", "--x", "0", "1", "-1", "007", "42", "true",
  "undefined", "eth0", "root=/dev/sda1", "a:b:c", "*.*", "IFS", "-n\\c", " ", "  ", "x,", ",x", "a'b\"c",
  // Characters that matter inside ${x:-…}, ${x#…} and case patterns.
  "}", "a}b", "{", "${", "#", "%%", "v", "vv", ":-", "\\}", "[!a]", "a|b", "\r", "a\r\nb",
];
/** Printed text that is plain for the compiler (no backslash, no leading -): the echo path. */
const PLAIN_STRINGS = ["", "a", "abc", "x y", "a b  c", "100%", "%s", "it's", "\"q\"", "$HOME", "*", "?", "[x]", "k=v", "0", "42", "true", "undefined", "a:b:c", "  "];
/** Separators for split(), as the brief lists them, and a few more. */
const SEPS = [",", ",", " ", "\n", "--", "*", "'", "\\", "$", ":", "=", "", "ab", "\t"];
/** Fields of split() texts. */
const FIELDS = ["", "", "a", "bc", "x y", "-n", "-e", "%s", "\\", "$", "'", "*", "1", "0", "b\\c", "$x", "?", "k=v"];
/** Substrings searched for (includes, indexOf, startsWith, replace ...). */
const NEEDLES = ["", "a", "b", "x", "-", "-n", "\\", "$", "%", "'", "*", ",", " ", "\n", "ab", "--", "=", "c", "0"];
/** Replacement texts, some with $ patterns. */
const REPLACEMENTS = ["", "X", "-", "\\", "$", "$$", "$&", "[$&]", "$'", "$`", "$1", "%s", "'", "\n", "a b", "-n"];
const SMALL_NUMS = [0, 0, 1, 1, 2, 3, 5, 7, 10, 42, 100, 255, 256, 999, 1000, 4096, 65535, -1, -1, -2, -7, -10, -100, -999];
/** Strings Number() and parseInt() accept as decimal integers. */
const NUMERIC_TEXT = ["0", "1", "42", "-3", " 7 ", "\t12\n", "", "  ", "+5", "007", "-120", "65535"];
const PARSE_TEXT = ["12px", "-3 ", " 8 apples", "0x", "42", "7.9", "-0012", "99 bottles", "+4"];
const HOSTILE_VARS = [
  "IFS", "PATH", "HOME", "PWD", "OPTIND", "OPTARG", "PS1", "PS4", "LINENO", "REPLY", "ENV", "CDPATH", "i", "n", "s",
  "r", "x", "local", "echo", "printf", "test", "set", "shift", "read", "cd", "type", "trap", "command", "alias",
  "unset", "getopts", "length", "__r", "__nl", "_", "$", "$x", "a$", "_1", "result", "value", "status", "argv",
  "name", "args", "of", "ret", "line", "rest", "more", "IFS_", "__i", "__rest",
  // The for…of walk over split() names its variables after the loop variable.
  "line_rest", "line_more", "part_rest", "part_more", "x_rest", "x_more", "item_rest", "item_more",
];
const LOOP_VARS = ["line", "part", "x", "item"];
const HOSTILE_FNS = ["echo", "printf", "test", "local", "set", "cd", "read", "shift", "command", "alias", "unset", "trap", "wait", "print", "run", "__run", "__print", "__split", "main", "check", "split", "join"];
const FIELD_NAMES = ["name", "value", "count", "tag", "on", "items", "type", "length", "IFS", "PATH", "size", "n", "key", "$", "_x", "r", "args", "__r"];
const DIE_NAMES = ["die", "fail", "panic", "bail", "fatal", "exit"];
const DIE_MESSAGES = ["missing value", "bad input", "-n", "no %s here", "a\\b", "it's over", "$HOME", ""];
const RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
  "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
  "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
  "implements", "interface", "package", "private", "protected", "public", "await", "arguments", "eval", "undefined",
  "NaN", "Infinity", "Math", "String", "Number", "console", "process", "parseInt", "Symbol", "Object", "Array",
]);

// --- Types -----------------------------------------------------------------------------------

type Kind = "s" | "n" | "b" | "S" | "N" | "R";

interface Ty {
  k: Kind;
  opt: boolean;
  rec?: RecDef;
}

interface RecField {
  name: string;
  ty: Ty; // never optional itself; `opt` says whether the field is
  opt: boolean;
}

interface RecDef {
  name: string;
  fields: RecField[];
}

const S: Ty = { k: "s", opt: false };
const N: Ty = { k: "n", opt: false };
const B: Ty = { k: "b", opt: false };
const SA: Ty = { k: "S", opt: false };
const NA: Ty = { k: "N", opt: false };

function optOf(t: Ty): Ty {
  return { ...t, opt: true };
}
function baseOf(t: Ty): Ty {
  return { ...t, opt: false };
}
function recTy(r: RecDef): Ty {
  return { k: "R", opt: false, rec: r };
}
function sameTy(a: Ty, b: Ty): boolean {
  return a.k === b.k && a.opt === b.opt && a.rec === b.rec;
}
function isArr(t: Ty): boolean {
  return t.k === "S" || t.k === "N";
}
function elemOf(t: Ty): Ty {
  return t.k === "S" ? S : N;
}
function tyText(t: Ty): string {
  const base =
    t.k === "s" ? "string" : t.k === "n" ? "number" : t.k === "b" ? "boolean" : t.k === "S" ? "string[]" : t.k === "N" ? "number[]" : (t.rec as RecDef).name;
  return t.opt ? `${base} | undefined` : base;
}
/** Bound of a stored value of this type when nothing more precise is known. */
function capOf(t: Ty): number {
  return t.k === "s" ? SCAP : t.k === "n" ? NCAP : isArr(t) ? ACAP : 0;
}

// --- Expressions -----------------------------------------------------------------------------

/** Precedence levels (higher binds tighter). */
const P = { ATOM: 20, CALL: 19, UNARY: 15, MUL: 13, ADD: 12, REL: 10, EQ: 9, AND: 5, OR: 4, NULLISH: 4, COND: 3 } as const;

interface E {
  c: string;
  p: number;
  /** Bound: string length, number magnitude, array length (0 for booleans and records). */
  b: number;
  /** Could be -0 (numbers only). */
  nz?: boolean;
  /** A literal (or literal-like): not allowed where TypeScript flags constant conditions. */
  lit?: boolean;
  /** An array nothing else holds (a literal or a split): safe to push to while walking it. */
  fresh?: boolean;
  /** TypeScript gives it a literal type (`"a"`, `1 | 2`, `"" | "x"`): comparing it with another literal type can be an error. */
  litTy?: boolean;
  /** A constant TypeScript evaluates (literals, arithmetic and concatenation of them): in a template, a literal type. */
  k?: boolean;
  /** The variable, when the expression is just a variable's name. */
  v?: Var;
  /** (optionals) TypeScript's type of it includes undefined (a call, `xs[i]`, `r.f`, `c ? x : undefined`). */
  mu?: boolean;
  /** (optionals) TypeScript's type of it is plain `undefined`. */
  undef?: boolean;
}

/** `"" + v`, `v + ""`, `${v}`: what the compiler folds to v itself. */
function selfCopy(code: string, name: string): boolean {
  return code === name || code === `"" + ${name}` || code === `${name} + ""` || code === `\`\${${name}}\``;
}

/** Text the compiler writes as a shell word with literal parts: a literal, a template, a concatenation. */
function literalWord(e: E): boolean {
  return e.lit === true || e.c.startsWith("`") || e.p === P.ADD;
}

/** A reference TypeScript narrows (`x`, `r.f`, `x.length`, `xs[0]`). */
function isRef(e: E): boolean {
  return /^[\w$]+(\.[\w$]+|\[-?\d+\])*$/.test(e.c);
}

function paren(e: E, minP: number): string {
  return e.p >= minP ? e.c : `(${e.c})`;
}
/** Operand of a binary operator of precedence `p`: parenthesized unless it binds tighter. */
function opnd(e: E, p: number): string {
  return e.p > p ? e.c : `(${e.c})`;
}
/** Operand of `??`, which cannot mix with `||`/`&&` unparenthesized. */
function nopnd(e: E): string {
  return e.p > P.AND ? e.c : `(${e.c})`;
}
function recv(e: E): string {
  return e.p >= P.CALL && !e.c.startsWith("-") ? e.c : `(${e.c})`;
}
function lit(s: string): string {
  return JSON.stringify(s);
}
function numLit(n: number): E {
  return { c: String(n), p: n < 0 ? P.UNARY : P.ATOM, b: Math.abs(n), lit: true, litTy: true, k: true };
}
function strLit(s: string): E {
  return { c: lit(s), p: P.ATOM, b: s.length, lit: true, litTy: true, k: true };
}
function templateChunk(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/`/g, "\\`")
    .replace(/\$\{/g, "\\${")
    .replace(/\n/g, "\\n")
    .replace(/\t/g, "\\t")
    .replace(/\r/g, "\\r");
}
function digits(n: number): number {
  return String(Math.max(0, Math.floor(n))).length + 1;
}
/** Length bound of a value printed in a template or by String(). */
function textLen(t: Ty, b: number): number {
  const base = t.k === "s" ? b : t.k === "n" ? digits(b) : 5;
  return t.opt ? Math.max(base, 9) : base;
}

// --- Program model ---------------------------------------------------------------------------

interface Var {
  name: string;
  ty: Ty;
  mutable: boolean;
  /** Not assignable here (loop counters, recursion depth, narrowed aliases). */
  frozen: boolean;
  /** Declared before the functions: functions may read and write it. */
  global: boolean;
  /** Largest value it may hold (see E.b). */
  b: number;
  /** May grow with += / ++ within `b`: `cur` is the bound reached so far. */
  acc: boolean;
  cur: number;
  /** frame.mult where it was declared (growth inside loops is counted relative to it). */
  declMult: number;
  /**
   * (optionals) TypeScript may see it as plain `undefined` (flowUndef) or as plain T (flowDef)
   * somewhere, after a declaration or an assignment: narrowing it could then give `never`.
   */
  flowUndef?: boolean;
  flowDef?: boolean;
  /** A narrowed view of an optional (`if (v !== undefined) { … }`). */
  alias?: boolean;
  /** How often it was read. */
  uses?: number;
  /** An array nobody may push to beyond PUSH_GUARD-ish: pushes are guarded anyway. */
}

interface Scope {
  vars: Map<string, Var>;
  used: Set<string>;
}

interface Param {
  name: string;
  ty: Ty; // the declared type (for `opt` params: the base type)
  mode: "req" | "opt" | "def" | "rest";
  def?: string;
}

type Ret = Ty | "void" | "never";

interface FnDef {
  name: string;
  params: Param[];
  ret: Ret;
  rec: boolean;
  cost: number;
  pushes: boolean;
  index: number;
  isDie: boolean;
  /** Functions its body (or its defaults) calls. */
  callees: Set<FnDef>;
}

interface Target {
  kind: "loop" | "switch";
  broke: boolean;
  continued: boolean;
}

interface Frame {
  fn: FnDef | undefined;
  outer: Scope[];
  scopes: Scope[];
  mult: number;
  cost: number;
  budget: number;
  targets: Target[];
  /** > 0 inside a loop over an array something else may hold: no pushes, no pushing calls. */
  noPush: number;
  inBody: boolean;
  selfCallUsed: boolean;
  /** frame.mult where the self-call is (how many self-calls one call makes). */
  selfMult: number;
  depthVar?: Var;
  depth: number;
  pushes: boolean;
}

class Gen {
  private rng: Rng;
  private lines: string[] = [];
  private ind = 0;
  private recs: RecDef[] = [];
  private fns: FnDef[] = [];
  private fnNames = new Set<string>();
  private globalScope: Scope = { vars: new Map(), used: new Set() };
  private frame: Frame;
  private counter = 0;
  private die: FnDef | undefined;
  private splitFields: string[] = [];

  constructor(private seed: number) {
    this.rng = new Rng(seed);
    this.frame = this.topFrame();
  }

  private topFrame(): Frame {
    return {
      fn: undefined,
      outer: [],
      scopes: [this.globalScope],
      mult: 1,
      cost: 0,
      budget: TOP_BUDGET,
      targets: [],
      noPush: 0,
      inBody: true,
      selfCallUsed: false,
      selfMult: 1,
      depth: 0,
      pushes: false,
    };
  }

  // --- Output ---

  private emit(line: string): void {
    this.lines.push("  ".repeat(this.ind) + line);
  }

  // --- Scopes ---

  private get scope(): Scope {
    return this.frame.scopes[this.frame.scopes.length - 1] as Scope;
  }

  private pushScope(): Scope {
    const s: Scope = { vars: new Map(), used: new Set() };
    this.frame.scopes.push(s);
    return s;
  }

  private popScope(): void {
    this.frame.scopes.pop();
  }

  private visible(): Var[] {
    const m = new Map<string, Var>();
    for (const sc of [...this.frame.outer, ...this.frame.scopes]) for (const [n, v] of sc.vars) m.set(n, v);
    return [...m.values()];
  }

  private lookup(name: string): Var | undefined {
    for (let i = this.frame.scopes.length - 1; i >= 0; i--) {
      const v = (this.frame.scopes[i] as Scope).vars.get(name);
      if (v) return v;
    }
    for (const sc of this.frame.outer) {
      const v = sc.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }

  /** A reference to `v`: no scope of this frame may declare that name afterwards. */
  private use(v: Var): string {
    for (const sc of this.frame.scopes) sc.used.add(v.name);
    v.uses = (v.uses ?? 0) + 1;
    this.recording?.add(v.name);
    return v.name;
  }

  /** Names read by the condition being generated. */
  private recording: Set<string> | undefined;
  /** Names read by the conditions of the enclosing if/while/switch: TypeScript narrows them inside. */
  private condNames: Set<string>[] = [];

  /**
   * Generates `left`, then `right` with the names `left` read treated as narrowed by it (the
   * branches of `c ? a : b`, the right of `&&`, `||`, `??`).
   */
  private narrowing<L, R>(left: () => L, right: (l: L) => R): [L, R] {
    const outer = this.recording;
    const names = new Set<string>();
    this.recording = names;
    const l = left();
    this.recording = outer;
    if (outer) for (const n of names) outer.add(n);
    this.condNames.push(names);
    try {
      return [l, right(l)];
    } finally {
      this.condNames.splice(this.condNames.lastIndexOf(names), 1);
    }
  }

  private inConds(name: string): boolean {
    return this.condNames.some((s) => s.has(name));
  }

  /** A condition whose names stay off-limits for narrowStmt until `done()`. */
  private recordedCond(gen: () => E): { e: E; names: Set<string>; done: () => void } {
    const outer = this.recording;
    const names = new Set<string>();
    this.recording = names;
    const e = gen();
    this.recording = outer;
    if (outer) for (const n of names) outer.add(n);
    this.condNames.push(names);
    return { e, names, done: () => void this.condNames.splice(this.condNames.lastIndexOf(names), 1) };
  }

  /**
   * After an if whose branch cannot complete, TypeScript narrows what its condition read for
   * the rest of the block: optionals read there may be plain undefined or plain T from now on.
   */
  private taint(names: Iterable<string>): void {
    for (const n of names) {
      const v = this.lookup(n);
      if (v && v.ty.opt) {
        v.flowUndef = true;
        v.flowDef = true;
      }
    }
  }

  private canDeclare(name: string): boolean {
    return !this.scope.vars.has(name) && !this.scope.used.has(name) && !this.fnNames.has(name) && !RESERVED.has(name);
  }

  private newName(prefix: string): string {
    const r = this.rng.next();
    if (r < 0.2) {
      const cands = HOSTILE_VARS.filter((n) => this.canDeclare(n) && !(AVOID.scUppercaseUnused && /^[A-Z][A-Z0-9_]*$/.test(n)));
      if (cands.length) return this.rng.pick(cands);
    } else if (r < 0.3) {
      // Shadow something visible.
      const cands = this.visible()
        .map((v) => v.name)
        .filter((n) => this.canDeclare(n) && !(AVOID.scUppercaseUnused && /^[A-Z][A-Z0-9_]*$/.test(n)));
      if (cands.length) return this.rng.pick(cands);
    }
    for (;;) {
      const n = `${prefix}${++this.counter}`;
      if (this.canDeclare(n)) return n;
    }
  }

  private declare(name: string, ty: Ty, opts: Partial<Var> = {}): Var {
    const v: Var = {
      name,
      ty,
      mutable: true,
      frozen: false,
      global: false,
      b: capOf(ty),
      acc: false,
      cur: 0,
      declMult: this.frame.mult,
      ...opts,
    };
    this.scope.vars.set(name, v);
    return v;
  }

  // --- Cost ---

  private afford(cost: number): boolean {
    return this.frame.cost + cost * this.frame.mult <= this.frame.budget;
  }

  private spend(cost: number): void {
    this.frame.cost += cost * this.frame.mult;
  }

  // --- Expressions: helpers ---

  private vars(pred: (v: Var) => boolean): Var[] {
    return this.visible().filter(pred);
  }

  /**
   * A variable of type t. One that a `switch` has narrowed to a literal type is only taken
   * when `narrowedOk` (printing it): elsewhere its literal type spreads (`[x].includes("y")`
   * is an error when x is narrowed to "x").
   */
  private varOf(t: Ty, narrowedOk = false): E | undefined {
    const vs = this.vars((v) => sameTy(v.ty, t) && (narrowedOk || !this.litNarrowed.has(v)));
    if (!vs.length) return undefined;
    const v = this.rng.pick(vs);
    return { c: this.use(v), p: P.ATOM, b: v.b, litTy: this.litNarrowed.has(v), v, mu: t.opt && !v.flowDef && !v.flowUndef, undef: t.opt && v.flowUndef && !v.flowDef };
  }

  /** Variables a `switch (x)` has narrowed to its labels' literal types, inside its clauses. */
  private litNarrowed = new Set<Var>();

  /** Tries weighted alternatives until one produces an expression. */
  private tryAlts<T>(alts: (readonly [number, () => T | undefined])[]): T | undefined {
    const left = [...alts];
    while (left.length) {
      const f = this.rng.weighted(left);
      if (!f) return undefined;
      const r = f();
      if (r !== undefined) return r;
      const i = left.findIndex(([, g]) => g === f);
      left.splice(i, 1);
    }
    return undefined;
  }

  /** Cuts a string expression to `cap` bytes if its bound is larger. */
  private capS(e: E, cap: number): E {
    if (e.b <= cap) return e;
    const form = this.rng.int(0, 3);
    const c =
      form === 0 ? `${recv(e)}.slice(0, ${cap})` : form === 1 ? `${recv(e)}.substring(0, ${cap})` : form === 2 ? `${recv(e)}.slice(-${cap})` : `${recv(e)}.slice(${this.rng.int(0, 2)}, ${cap})`;
    return { c, p: P.CALL, b: cap };
  }

  /** Brings a number expression within `cap` and makes sure it is not -0. */
  private capN(e: E, cap: number): E {
    let r = e;
    if (r.b > cap) {
      if (this.rng.chance(0.5)) {
        let k = 10;
        while (Math.floor(r.b / k) + 1 > cap) k *= 10;
        r = { c: `Math.floor(${opnd(r, P.MUL)} / ${k})`, p: P.CALL, b: Math.floor(r.b / k) + 1, nz: r.nz };
      } else {
        const k = this.rng.pick([7, 10, 97, 1000, 9973].filter((x) => x <= cap)) ?? 7;
        return { c: `(${opnd(r, P.MUL)} % ${k} + ${k}) % ${k}`, p: P.MUL, b: k - 1, k: r.k };
      }
    }
    if (r.nz) {
      // ((x % k) + k) % k is never -0; x + 0 is the plain way.
      if (this.rng.chance(0.5) && r.b < NLIM / 2) {
        const k = Math.max(2, Math.min(cap, r.b + 1));
        return { c: `(${opnd(r, P.MUL)} % ${k} + ${k}) % ${k}`, p: P.MUL, b: k - 1, k: r.k };
      }
      return { c: `${opnd(r, P.ADD)} + 0`, p: P.ADD, b: r.b, k: r.k };
    }
    return r;
  }

  /** An expression of type t fit to be stored (variable, argument, result, field, element). */
  private sink(t: Ty, d: number, bound?: number): E {
    if (t.opt) {
      const inner = () => this.sink(baseOf(t), d, bound);
      if (t.k === "R") return inner();
      return this.tryAlts<E>([
        [1, () => ({ c: "undefined", p: P.ATOM, b: 0, lit: true, undef: true })],
        [4, inner],
        [3, () => this.optExpr(baseOf(t), d)],
      ]) as E;
    }
    switch (t.k) {
      case "s":
        return this.capS(this.genS(d), bound ?? SCAP);
      case "n":
        return this.capN(this.genN(d, false), bound ?? NCAP);
      case "b":
        return this.genB(d, true);
      case "S":
      case "N":
        return this.genArr(t, d, bound ?? ACAP, true);
      case "R":
        return this.genRec(t.rec as RecDef, d);
    }
  }

  private gen(t: Ty, d: number, nzOk = false): E {
    if (t.opt) return this.optExpr(baseOf(t), d) ?? { c: "undefined", p: P.ATOM, b: 0, lit: true };
    switch (t.k) {
      case "s":
        return this.genS(d);
      case "n":
        return this.genN(d, nzOk);
      case "b":
        return this.genB(d, true);
      case "S":
      case "N":
        return this.genArr(t, d, ACAP, true);
      case "R":
        return this.genRec(t.rec as RecDef, d);
    }
  }

  // --- Calls ---

  private callable(pred: (f: FnDef) => boolean): FnDef[] {
    const cur = this.frame.fn;
    return this.fns.filter((f) => {
      if (f.isDie) return false;
      if (!pred(f)) return false;
      if (this.frame.noPush > 0 && f.pushes) return false;
      if (cur) {
        if (f === cur) {
          return (
            f.rec &&
            this.frame.inBody &&
            !this.frame.selfCallUsed &&
            // Inside a loop of up to 3 rounds too: at most 3^DMAX calls.
            this.frame.mult <= 3 &&
            this.frame.noPush === 0 &&
            this.frame.depthVar !== undefined &&
            this.lookup(this.frame.depthVar.name) === this.frame.depthVar
          );
        }
        if (f.index >= cur.index) return false;
      }
      return this.afford(f.cost);
    });
  }

  private call(f: FnDef, d: number): E {
    this.callCount++;
    const cur = this.frame.fn;
    const self = f === cur;
    if (self) {
      this.frame.selfCallUsed = true;
      this.frame.selfMult = this.frame.mult;
    }
    else this.spend(f.cost);
    if (f.pushes) this.frame.pushes = true;
    (cur ? cur.callees : this.topCalls).add(f);
    const args: string[] = [];
    const params = f.params;
    // How many trailing optional/default parameters to leave out.
    let keep = params.length;
    const omittable = (p: Param | undefined) =>
      p !== undefined && (p.mode === "opt" || p.mode === "def" || p.mode === "rest") && !(AVOID.recordDefaultOmitted && p.ty.k === "R");
    while (keep > 0 && omittable(params[keep - 1]) && this.rng.chance(0.4)) keep--;
    for (let i = 0; i < keep; i++) {
      const p = params[i] as Param;
      if (i === 0 && f.rec) {
        args.push(self ? `${this.use(this.frame.depthVar as Var)} - 1` : String(this.rng.int(0, DMAX)));
        continue;
      }
      if (p.mode === "rest") {
        const n = this.rng.int(0, 3);
        if (n === 3 && this.rng.chance(0.5)) {
          const arr = this.genArr(SA, d - 1, ACAP, false);
          args.push(`...${recv(arr)}`);
          this.spread = true;
        } else {
          for (let j = 0; j < n; j++) args.push(this.sink(S, d - 1).c);
        }
        continue;
      }
      if ((p.mode === "opt" || p.mode === "def") && !(AVOID.recordDefaultOmitted && p.ty.k === "R")) {
        const r = this.rng.next();
        if (r < 0.2) {
          args.push("undefined");
          continue;
        }
        if (r < 0.35 && p.ty.k === "s") {
          args.push('""');
          continue;
        }
        if (r < 0.5 && p.ty.k !== "R") {
          const o = this.optExpr(p.ty, d - 1);
          if (o) {
            args.push(o.c);
            continue;
          }
        }
      }
      if (p.ty.k === "s" && this.rng.chance(0.1)) {
        args.push('""');
        continue;
      }
      args.push(this.sink(p.mode === "req" ? p.ty : baseOf(p.ty), d - 1).c);
    }
    const ret = f.ret;
    const b = ret === "void" || ret === "never" ? 0 : ret.k === "b" || ret.k === "R" ? 0 : capOf(ret);
    return { c: `${f.name}(${args.join(", ")})`, p: P.CALL, b };
  }

  private callOf(t: Ty, d: number): E | undefined {
    if (d <= 0) return undefined;
    const fs = this.callable((f) => f.ret !== "void" && f.ret !== "never" && sameTy(f.ret, t));
    if (!fs.length) return undefined;
    return this.call(this.rng.pick(fs), d);
  }

  private dieCall(d: number): string | undefined {
    const die = this.die;
    if (!die) return undefined;
    if (this.rng.chance(0.3)) {
      const s = this.genS(d - 1);
      return `${die.name}(\`${templateChunk(this.rng.pick(DIE_MESSAGES))}: \${${s.c}}\`)`;
    }
    return `${die.name}(${lit(this.rng.pick(DIE_MESSAGES))})`;
  }

  // --- Strings ---

  private genS(d: number): E {
    const leaf = d <= 0;
    const e = this.tryAlts<E>([
      [leaf ? 4 : 2, () => strLit(this.rng.pick(STRINGS))],
      [leaf ? 5 : 3, () => this.varOf(S)],
      [leaf ? 0 : 2, () => this.callOf(S, d)],
      [leaf ? 0 : 2, () => {
        const a = this.genS(d - 1);
        const bt = this.rng.weighted<Ty>([[6, S], [2, N], [1, B]]) as Ty;
        const b = bt.k === "s" ? this.genS(d - 1) : bt.k === "n" ? this.genN(d - 1, true) : this.genB(d - 1, true);
        // A number or boolean on the left: `n + "x"` is text too.
        const [l, r] = bt.k !== "s" && this.rng.chance(0.3) ? [b, a] : [a, b];
        return { c: `${opnd(l, P.ADD - 1)} + ${opnd(r, P.ADD)}`, p: P.ADD, b: a.b + textLen(bt, b.b), k: a.k && b.k };
      }],
      [leaf ? 0 : 2.5, () => this.template(d)],
      [leaf ? 0 : 1, () => {
        const t = this.rng.pick([N, B, optOf(S), optOf(N), S]);
        const e = t.k === "n" && !t.opt ? this.genN(d - 1, true) : this.gen(t, d - 1, true);
        return { c: `String(${e.c})`, p: P.CALL, b: textLen(t, e.b) };
      }],
      [leaf ? 0 : 4, () => this.strMethod(d)],
      [leaf ? 0 : 1.2, () => {
        const at = this.rng.chance(0.75) ? SA : NA;
        const arr = this.genArr(at, d - 1, ACAP, false);
        const sep = this.rng.chance(0.2) ? undefined : this.rng.pick(SEPS);
        const eb = at.k === "N" ? digits(NCAP) : SCAP;
        return { c: `${recv(arr)}.join(${sep === undefined ? "" : lit(sep)})`, p: P.CALL, b: arr.b * (eb + (sep ?? ",").length) };
      }],
      [leaf ? 0 : 1.5, () => this.indexRead(SA, d)],
      [leaf ? 0 : 2, () => this.defaulted(S, d)],
      [leaf ? 0 : 1, () => {
        // s || t, s && t with strings
        const [a, b] = this.narrowing(() => this.genS(d - 1), () => this.genS(d - 1));
        if (a.lit || a.litTy || a.c.startsWith("`") || (AVOID.scLiteralWords && literalWord(a))) return undefined;
        const op = this.rng.chance(0.6) ? "||" : "&&";
        const p = op === "||" ? P.OR : P.AND;
        return { c: `${opnd(a, p)} ${op} ${opnd(b, p)}`, p, b: Math.max(a.b, b.b), litTy: op === "&&" && b.litTy };
      }],
      [leaf ? 0 : 1.5, () => this.ternary(S, d)],
      [leaf ? 0 : 1.2, () => this.fieldRead(S, d)],
      [leaf ? 0 : 0.15, () => this.neverBranch(S, d)],
    ]);
    const r = e ?? strLit("z");
    return r.b > SLIM ? this.capS(r, SCAP) : r;
  }

  private template(d: number): E {
    const n = this.rng.int(1, 3);
    let c = "`";
    let b = 0;
    // A template of literals only has a literal type itself.
    let allLit = true;
    for (let i = 0; i < n; i++) {
      if (this.rng.chance(0.6)) {
        const s = this.rng.pick(STRINGS);
        c += templateChunk(s);
        b += s.length;
      }
      const t = this.rng.pick([S, S, N, N, B, optOf(S), optOf(N)]);
      const e = (t.k === "s" && !t.opt && this.litNarrowed.size && this.rng.chance(0.4) ? this.varOf(S, true) : undefined) ?? this.gen(t, d - 1, true);
      allLit &&= e.k === true;
      c += "${" + e.c + "}";
      b += textLen(t, e.b);
    }
    if (this.rng.chance(0.5)) {
      const s = this.rng.pick(STRINGS);
      c += templateChunk(s);
      b += s.length;
    }
    return { c: c + "`", p: P.ATOM, b, litTy: allLit, k: allLit };
  }

  private strMethod(d: number): E | undefined {
    const r = this.genS(d - 1);
    const R = recv(r);
    const m = this.rng.int(0, 10);
    const idx = () => this.rng.chance(0.7) ? numLit(this.rng.int(-6, 8)) : this.capN(this.genN(d - 1, true), 50);
    switch (m) {
      case 0:
        return { c: `${R}.slice(${idx().c})`, p: P.CALL, b: r.b };
      case 1:
        return { c: `${R}.slice(${idx().c}, ${idx().c})`, p: P.CALL, b: r.b };
      case 2:
        return this.rng.chance(0.3) ? { c: `${R}.substring(${idx().c})`, p: P.CALL, b: r.b } : { c: `${R}.substring(${idx().c}, ${idx().c})`, p: P.CALL, b: r.b };
      case 3:
        return { c: `${R}.${this.rng.pick(["trim", "trim", "trimStart", "trimEnd"])}()`, p: P.CALL, b: r.b };
      case 4:
      case 5: {
        const all = m === 5;
        const needle = this.rng.chance(0.8) ? this.rng.pick(NEEDLES) : this.rng.pick(STRINGS);
        if (all && needle === "" && this.rng.chance(0.7)) return undefined;
        const rep = this.rng.chance(0.85) ? this.rng.pick(REPLACEMENTS) : this.rng.pick(STRINGS);
        // Bound: every occurrence replaced by the expanded replacement.
        let rl = 0;
        for (let i = 0; i < rep.length; i++) {
          if (rep[i] === "$" && i + 1 < rep.length) {
            const nx = rep[i + 1];
            if (nx === "&") (rl += needle.length), i++;
            else if (nx === "`" || nx === "'") (rl += r.b), i++;
            else rl += 1;
          } else rl += 1;
        }
        const occ = all ? (needle === "" ? r.b + 1 : Math.floor(r.b / needle.length)) : 1;
        return { c: `${R}.${all ? "replaceAll" : "replace"}(${lit(needle)}, ${lit(rep)})`, p: P.CALL, b: r.b + occ * rl };
      }
      case 6: {
        if (this.plain) return undefined; // repeat()'s error message is printed with printf
        const k = this.rng.pick([0, 1, 2, 3]);
        return { c: `${R}.repeat(${k})`, p: P.CALL, b: r.b * k };
      }
      case 7: {
        // Concatenation of a prefix/suffix that tests how sh keeps special characters.
        const s = strLit(this.rng.pick(STRINGS));
        return { c: `${opnd(s, P.ADD - 1)} + ${opnd(r, P.ADD)}`, p: P.ADD, b: s.b + r.b, k: r.k };
      }
      case 8:
        return { c: `${R}.slice(${this.rng.int(-4, -1)})`, p: P.CALL, b: r.b };
      default:
        return { c: `${R}.slice(${idx().c}, ${this.rng.int(-3, -1)})`, p: P.CALL, b: r.b };
    }
  }

  /** `opt ?? x`, `opt || x`, `xs[i] ?? x` for base type t. */
  private defaulted(t: Ty, d: number): E | undefined {
    const [o, alt] = this.narrowing(
      () => this.optExpr(t, d - 1, true),
      (o) => (o ? this.gen(t, d - 1, false) : undefined),
    );
    if (!o || !alt) return undefined;
    // `undefined ?? die()` is never; an element read may be narrowed by a condition on it.
    const useNever = this.die && this.rng.chance(0.07) && !o.undef && (o.v !== undefined || /\)$/.test(o.c));
    if (useNever) {
      const dc = this.dieCall(d);
      if (dc) return { c: `${nopnd(o)} ?? ${dc}`, p: P.NULLISH, b: o.b };
    }
    // When the left is plain undefined, the result has the right's type (maybe a literal type).
    const litTy = o.undef && alt.litTy;
    const op = t.k === "b" ? "??" : this.rng.chance(0.7) ? "??" : "||";
    if (op === "??") return { c: `${nopnd(o)} ?? ${nopnd(alt)}`, p: P.NULLISH, b: Math.max(o.b, alt.b), litTy };
    return { c: `${opnd(o, P.OR)} || ${opnd(alt, P.OR)}`, p: P.OR, b: Math.max(o.b, alt.b), litTy };
  }

  private neverBranch(t: Ty, d: number): E | undefined {
    if (!this.die) return undefined;
    const [c, [a, dc]] = this.narrowing(() => this.cond(d - 1), () => [this.gen(t, d - 1, false), this.dieCall(d)] as const);
    if (!dc) return undefined;
    const code = this.rng.chance(0.5) ? `${opnd(c, P.COND)} ? ${opnd(a, P.COND)} : ${dc}` : `${opnd(c, P.COND)} ? ${dc} : ${opnd(a, P.COND)}`;
    return { c: code, p: P.COND, b: a.b, nz: a.nz, litTy: a.litTy };
  }

  private ternary(t: Ty, d: number, nzOk = false): E {
    const branch = () => (t.k === "n" && !t.opt ? this.genN(d - 1, nzOk) : this.gen(t, d - 1, nzOk));
    const [c, [a, b]] = this.narrowing(() => this.cond(d - 1), () => [branch(), branch()] as const);
    return { c: `${opnd(c, P.COND)} ? ${opnd(a, P.COND)} : ${opnd(b, P.COND)}`, p: P.COND, b: Math.max(a.b, b.b), nz: a.nz || b.nz, litTy: a.litTy && b.litTy };
  }

  private indexRead(arrT: Ty, d: number): E | undefined {
    const el = elemOf(arrT);
    const [[arr, i], dflt] = this.narrowing(
      () => {
        const arr = this.genArr(arrT, d - 1, ACAP, false);
        const i = this.rng.chance(0.6)
          ? numLit(this.rng.int(-1, 4))
          : this.rng.chance(0.5) && /^[\w$]+$/.test(arr.c)
            ? { c: `${arr.c}.length - ${this.rng.int(1, 2)}`, p: P.ADD, b: ACAP }
            : this.capN(this.genN(d - 1, true), 40);
        return [arr, i] as const;
      },
      ([arr, i]) => {
        // `xs[0]` can be narrowed by a condition on it: die() only after other indices.
        const dc = this.rng.chance(0.05) && !i.lit && !arr.fresh && !this.inConds(arr.c) ? this.dieCall(d) : undefined;
        return dc ?? nopnd(this.sink(el, d - 1));
      },
    );
    return { c: `${recv(arr)}[${i.c}] ?? ${dflt}`, p: P.NULLISH, b: capOf(el) };
  }

  private fieldRead(t: Ty, d: number): E | undefined {
    // Receivers: record variables, or calls returning records.
    const cands: { rec: RecDef; f: RecField }[] = [];
    for (const rec of this.recs) for (const f of rec.fields) if (f.ty.k === t.k && (t.opt || !f.opt)) cands.push({ rec, f });
    const optCands: { rec: RecDef; f: RecField }[] = [];
    if (!t.opt) for (const rec of this.recs) for (const f of rec.fields) if (f.ty.k === t.k && f.opt) optCands.push({ rec, f });
    if (!cands.length && !optCands.length) return undefined;
    const useOpt = optCands.length > 0 && (cands.length === 0 || this.rng.chance(0.4));
    const { rec, f } = this.rng.pick(useOpt ? optCands : cands);
    if (!useOpt) {
      const r = this.recRecv(rec, d);
      return r ? { c: `${r}.${f.name}`, p: P.CALL, b: capOf(f.ty) } : undefined;
    }
    const [r, alt] = this.narrowing(() => this.recRecv(rec, d), () => this.sink(baseOf(t), d - 1));
    if (!r || this.inConds(r)) return undefined;
    const read = { c: `${r}.${f.name}`, p: P.CALL, b: capOf(f.ty) };
    return { c: `${read.c} ?? ${nopnd(alt)}`, p: P.NULLISH, b: Math.max(read.b, alt.b) };
  }

  private recRecv(rec: RecDef, d: number): string | undefined {
    const t = recTy(rec);
    const v = this.rng.chance(0.75) ? this.varOf(t) : undefined;
    if (v) return v.c;
    const c = this.callOf(t, d);
    return c?.c ?? this.varOf(t)?.c;
  }

  // --- Numbers ---

  private genN(d: number, nzOk: boolean): E {
    const leaf = d <= 0;
    const e = this.tryAlts<E>([
      [leaf ? 4 : 2, () => (this.rng.chance(0.7) ? numLit(this.rng.pick(SMALL_NUMS)) : numLit(this.rng.int(-50, 50)))],
      [leaf ? 5 : 3, () => this.varOf(N)],
      [leaf ? 0 : 2, () => this.callOf(N, d)],
      [leaf ? 0 : 3, () => {
        const op = this.rng.chance(0.55) ? "+" : "-";
        // a + b is -0 only if both are; a - b only if a is.
        const a = this.genN(d - 1, op === "+" ? nzOk : nzOk);
        const b = this.genN(d - 1, op === "+" ? nzOk || !a.nz : true);
        if (!nzOk && op === "-" && a.nz) return undefined;
        if (!nzOk && op === "+" && a.nz && b.nz) return undefined;
        if (a.b + b.b > NLIM) return undefined;
        return { c: `${opnd(a, P.ADD - 1)} ${op} ${opnd(b, P.ADD)}`, p: P.ADD, b: a.b + b.b, nz: op === "+" ? a.nz && b.nz : a.nz, k: a.k && b.k };
      }],
      [leaf ? 0 : 1.5, () => {
        // x * 0 is -0 when x is negative, like x * -k when x is 0.
        const k = this.rng.pick([0, 2, 3, 5, 10, -1, -2, -3]);
        if (k <= 0 && !nzOk) return undefined;
        const a = this.genN(d - 1, nzOk);
        if (a.b * Math.abs(k) > NLIM) return undefined;
        if (AVOID.scTruncTimes && /^Math\.(trunc|floor)\(/.test(a.c)) return undefined;
        return { c: `${opnd(a, P.MUL - 1)} * ${k < 0 ? `(${k})` : k}`, p: P.MUL, b: a.b * Math.abs(k), nz: k <= 0 || a.nz, k: a.k };
      }],
      [leaf ? 0 : 1.5, () => {
        const k = this.rng.pick([2, 3, 4, 7, 10, 100, -3]);
        if (k < 0 && !nzOk) return undefined;
        const fn = nzOk && this.rng.chance(0.5) ? "trunc" : "floor";
        const a = this.genN(d - 1, nzOk);
        return { c: `Math.${fn}(${opnd(a, P.MUL - 1)} / ${k < 0 ? `(${k})` : k})`, p: P.CALL, b: Math.floor(a.b / Math.abs(k)) + 1, nz: fn === "trunc" || k < 0 || a.nz };
      }],
      [leaf ? 0 : 1.5, () => {
        const k = this.rng.pick([2, 3, 4, 7, 10, -4]);
        const a = this.genN(d - 1, true);
        if (nzOk) return { c: `${opnd(a, P.MUL - 1)} % ${k < 0 ? `(${k})` : k}`, p: P.MUL, b: Math.min(a.b, Math.abs(k) - 1), nz: true, k: a.k };
        const m = Math.abs(k);
        return { c: `(${opnd(a, P.MUL - 1)} % ${m} + ${m}) % ${m}`, p: P.MUL, b: m - 1, k: a.k };
      }],
      [leaf ? 0 : 0.8, () => {
        const a = this.genN(d - 1, true);
        if (nzOk) return { c: a.p >= P.CALL && !a.c.startsWith("-") ? `-${a.c}` : `-(${a.c})`, p: P.UNARY, b: a.b, nz: true, lit: a.lit, litTy: a.litTy, k: a.k };
        return { c: `0 - ${opnd(a, P.ADD)}`, p: P.ADD, b: a.b, nz: false, k: a.k };
      }],
      [leaf ? 0 : 2.5, () => {
        const s = this.genS(d - 1);
        const m = this.rng.int(0, 2);
        if (m === 0) return { c: `${recv(s)}.length`, p: P.CALL, b: s.b };
        return { c: `${recv(s)}.indexOf(${lit(this.rng.pick(NEEDLES))})`, p: P.CALL, b: s.b + 1 };
      }],
      [leaf ? 0 : 1, () => {
        const a = this.genArr(this.rng.chance(0.7) ? SA : NA, d - 1, ACAP, false);
        return { c: `${recv(a)}.length`, p: P.CALL, b: a.b };
      }],
      // (Not in plain-printing programs: Number() and parseInt() bring an error message, printed with printf.)
      [leaf || this.plain ? 0 : 1, () => {
        const m = this.rng.int(0, 4);
        if (m === 0) {
          const a = this.genN(d - 1, false);
          return { c: `Number(String(${a.c}))`, p: P.CALL, b: a.b };
        }
        if (m === 1) return { c: `Number(${lit(this.rng.pick(NUMERIC_TEXT))})`, p: P.CALL, b: 65535 };
        if (m === 2) {
          const a = this.genN(d - 1, false);
          return { c: `parseInt(String(${a.c}) + ${lit(this.rng.pick(["px", " x", "", "0", ".5", "e3"]))}, 10)`, p: P.CALL, b: a.b * 10 + 9 };
        }
        if (m === 3) return { c: `parseInt(${lit(this.rng.pick(PARSE_TEXT))}, 10)`, p: P.CALL, b: 100 };
        const c = this.genB(d - 1, false);
        return { c: `Number(${c.c})`, p: P.CALL, b: 1 };
      }],
      [leaf ? 0 : 1.5, () => this.defaulted(N, d)],
      [leaf ? 0 : 1, () => this.indexRead(NA, d)],
      [leaf ? 0 : 0.6, () => {
        const [a, b] = this.narrowing(() => this.genN(d - 1, false), () => this.genN(d - 1, false));
        if (a.lit || a.litTy) return undefined;
        const op = this.rng.chance(0.6) ? "||" : "&&";
        const p = op === "||" ? P.OR : P.AND;
        return { c: `${opnd(a, p)} ${op} ${opnd(b, p)}`, p, b: Math.max(a.b, b.b), litTy: op === "&&" && b.litTy };
      }],
      [leaf ? 0 : 1.2, () => this.ternary(N, d, nzOk)],
      [leaf ? 0 : 1, () => this.fieldRead(N, d)],
      [leaf ? 0 : 0.12, () => this.neverBranch(N, d)],
    ]);
    const r = e ?? numLit(1);
    if (r.b > NLIM) return this.capN(r, NCAP);
    return r;
  }

  // --- Booleans ---

  /** A boolean; `litOk` allows `true`/`false` themselves (never where TS checks conditions). */
  private genB(d: number, litOk: boolean): E {
    const leaf = d <= 0;
    const e = this.tryAlts<E>([
      [litOk ? (leaf ? 3 : 1) : 0, () => ({ c: this.rng.chance(0.5) ? "true" : "false", p: P.ATOM, b: 0, lit: true })],
      [leaf ? 4 : 2, () => this.varOf(B)],
      [leaf ? 0 : 2, () => this.callOf(B, d)],
      [leaf ? 1 : 4, () => this.compare(d)],
      [leaf ? 0 : 2.5, () => {
        const s = this.genS(d - 1);
        const m = this.rng.pick(["startsWith", "endsWith", "includes"]);
        const arg = this.rng.chance(0.8) ? strLit(this.rng.pick(NEEDLES)) : this.genS(d - 1);
        return { c: `${recv(s)}.${m}(${arg.c})`, p: P.CALL, b: 0 };
      }],
      [leaf ? 0 : 1, () => {
        const t = this.rng.chance(0.7) ? SA : NA;
        const a = this.genArr(t, d - 1, ACAP, false);
        const x = this.gen(elemOf(t), d - 1, true);
        return { c: `${recv(a)}.includes(${x.c})`, p: P.CALL, b: 0 };
      }],
      [leaf ? 0 : 1.5, () => {
        const a = this.cond(d - 1);
        return { c: `!${paren(a, P.UNARY)}`, p: P.UNARY, b: 0 };
      }],
      [leaf ? 0 : 2, () => {
        // No bare true/false as an operand: TypeScript's binder folds them into reachability.
        const [a, b] = this.narrowing(() => this.genB(d - 1, false), () => this.genB(d - 1, false));
        const op = this.rng.chance(0.5) ? "&&" : "||";
        const p = op === "||" ? P.OR : P.AND;
        return { c: `${opnd(a, p)} ${op} ${opnd(b, p)}`, p, b: 0 };
      }],
      [leaf ? 0 : 1.5, () => {
        const t = this.rng.pick([S, N, B, SA]);
        const o = this.optExpr(t, d - 1, true);
        if (!o) return undefined;
        return { c: `${opnd(o, P.EQ)} ${this.rng.chance(0.5) ? "===" : "!=="} undefined`, p: P.EQ, b: 0 };
      }],
      [leaf ? 0 : 0.7, () => {
        const [o, b] = this.narrowing(() => this.optExpr(B, d - 1, true), () => this.genB(d - 1, true));
        if (!o) return undefined;
        return { c: `${nopnd(o)} ?? ${nopnd(b)}`, p: P.NULLISH, b: 0 };
      }],
      [leaf ? 0 : 0.8, () => this.ternary(B, d)],
      [leaf ? 0 : 0.8, () => this.fieldRead(B, d)],
    ]);
    return e ?? (litOk ? { c: "true", p: P.ATOM, b: 0, lit: true } : this.leafCond());
  }

  /** A plain test of something in scope, when nothing else came up. */
  private leafCond(): E {
    const n = this.varOf(N);
    if (n && this.rng.chance(0.5)) return { c: `${n.c} ${this.rng.pick(["<", ">", "<=", ">="])} ${this.rng.pick(SMALL_NUMS)}`, p: P.REL, b: 0 };
    const s = this.varOf(S);
    if (s) return this.rng.chance(0.5) ? { c: `${s.c}.length > ${this.rng.int(0, 3)}`, p: P.REL, b: 0 } : { c: `${s.c}.includes(${lit(this.rng.pick(NEEDLES))})`, p: P.CALL, b: 0 };
    return { c: `String(${this.rng.int(0, 9)}).length > 0`, p: P.REL, b: 0 };
  }

  private compare(d: number): E | undefined {
    const m = this.rng.int(0, 5);
    // Equality: two literal types may not overlap (TS2367), and a reference compared with a
    // literal type is narrowed to it, which later comparisons would trip over.
    const eqOk = (a: E, b: E) => !(a.litTy && b.litTy) && !(a.litTy && isRef(b)) && !(b.litTy && isRef(a));
    if (m <= 2) {
      const a = this.genN(d - 1, true);
      const b = this.genN(d - 1, true);
      if (a.lit && b.lit) return undefined;
      const op = this.rng.pick(["<", "<=", ">", ">=", "===", "!=="]);
      const eq = op.startsWith("=") || op.startsWith("!");
      if (eq && !eqOk(a, b)) return undefined;
      const p = eq ? P.EQ : P.REL;
      return { c: `${opnd(a, p)} ${op} ${opnd(b, p)}`, p, b: 0, k: a.k && b.k };
    }
    if (m <= 4) {
      const a = this.genS(d - 1);
      const b = this.rng.chance(0.5) ? strLit(this.rng.pick([...FIELDS, ...STRINGS])) : this.genS(d - 1);
      if (a.lit && b.lit) return undefined;
      if (!eqOk(a, b)) return undefined;
      if (AVOID.scLiteralWords && literalWord(a) && literalWord(b)) return undefined;
      const op = this.rng.chance(0.6) ? "===" : "!==";
      if (AVOID.scLiteralLeftOfTest && a.lit) return { c: `${opnd(b, P.EQ)} ${op} ${opnd(a, P.EQ)}`, p: P.EQ, b: 0 };
      return { c: `${opnd(a, P.EQ)} ${op} ${opnd(b, P.EQ)}`, p: P.EQ, b: 0 };
    }
    // Booleans compared only when neither side can have been narrowed to true/false.
    const side = (): E | undefined => {
      const c = this.callOf(B, d - 1);
      if (c && this.rng.chance(0.5)) return c;
      const x = this.compare(d - 1);
      return x && { ...x, c: `(${x.c})`, p: P.ATOM };
    };
    const a = side();
    const b = side();
    if (!a || !b) return undefined;
    return { c: `${a.c} ${this.rng.chance(0.5) ? "===" : "!=="} ${b.c}`, p: P.EQ, b: 0 };
  }

  /** A condition: a non-literal boolean, or a string/number/optional tested for truthiness. */
  private cond(d: number): E {
    // A condition that reads no variable and calls no function is folded by the compiler; with
    // a die() behind it, the code after is left unreachable (AVOID.scConstantNeverBranch).
    for (let tries = 0; tries < 6; tries++) {
      const outer = this.recording;
      const names = new Set<string>();
      this.recording = names;
      const calls = this.callCount;
      const e = this.condOnce(d);
      this.recording = outer;
      if (outer) for (const n of names) outer.add(n);
      if (!AVOID.scConstantNeverBranch || names.size > 0 || this.callCount > calls) return e;
    }
    return this.leafCond();
  }

  private condOnce(d: number): E {
    const e = this.tryAlts<E>([
      [6, () => {
        const b = this.genB(d, false);
        return b.lit || b.litTy || (AVOID.scConstantNeverBranch && b.k) ? undefined : b;
      }],
      [1, () => {
        // Literal types (`c ? "a" : "b"`) are flagged as always truthy (TS2872).
        const s = this.genS(d);
        // (Only names, calls and reads: `a || "x"` or `c ? s : "x"` would be tested as text with literal parts.)
        return s.lit || s.litTy || s.c.startsWith("`") || (AVOID.scLiteralWords && (literalWord(s) || s.p < P.CALL)) ? undefined : s;
      }],
      [1, () => {
        const n = this.genN(d, true);
        return n.lit || n.litTy || (AVOID.scConstantNeverBranch && n.k) ? undefined : n;
      }],
      [1, () => this.optExpr(this.rng.pick([S, N, B]), d, true)],
    ]);
    return e ?? this.compare(0) ?? { c: "0 < 1", p: P.REL, b: 0 };
  }

  // --- Optionals ---

  /**
   * An expression of type `t | undefined`. `simple`: only forms TypeScript accepts on the left
   * of `??` (names, calls, element and property reads).
   */
  private optExpr(t: Ty, d: number, simple = false): E | undefined {
    const ot = optOf(t);
    // On the left of `??` the operand must really be nullable for TypeScript: if it is known
    // to be defined (or narrowed to never by an enclosing condition), the right-hand side is
    // unreachable and its references become `never`.
    const clean = (name: string) => !simple || !this.inConds(name);
    return this.tryAlts<E>([
      [4, () => {
        const e = this.varOf(ot);
        if (!e || (simple && (e.v?.flowDef || !clean(e.c)))) return undefined;
        return e;
      }],
      [d > 0 ? 3 : 0, () => {
        const c = this.callOf(ot, d);
        return c && { ...c, mu: true };
      }],
      [t.k === "s" || t.k === "n" ? 3 : 0, () => {
        const arr = this.genArr(t.k === "s" ? SA : NA, d - 1, ACAP, false);
        if (arr.v && !clean(arr.c)) return undefined;
        const i = this.rng.chance(0.7) ? numLit(this.rng.int(-1, 4)) : this.capN(this.genN(d - 1, true), 40);
        return { c: `${recv(arr)}[${i.c}]`, p: P.CALL, b: capOf(t), mu: true };
      }],
      [2, () => {
        const cands: { rec: RecDef; f: RecField }[] = [];
        for (const rec of this.recs) for (const f of rec.fields) if (f.opt && f.ty.k === t.k) cands.push({ rec, f });
        if (!cands.length) return undefined;
        const { rec, f } = this.rng.pick(cands);
        const r = this.recRecv(rec, d);
        return r && clean(r) ? { c: `${r}.${f.name}`, p: P.CALL, b: capOf(t), mu: true } : undefined;
      }],
      [simple || d <= 0 ? 0 : 1, () => {
        if (AVOID.optionalArrayThroughTernary && isArr(t)) return undefined;
        const [c, a] = this.narrowing(() => this.cond(d - 1), () => this.sink(t, d - 1));
        if (a.c === "[]") return undefined; // never[] | undefined has no sh form
        return this.rng.chance(0.5)
          ? { c: `${opnd(c, P.COND)} ? ${opnd(a, P.COND)} : undefined`, p: P.COND, b: a.b, mu: true }
          : { c: `${opnd(c, P.COND)} ? undefined : ${opnd(a, P.COND)}`, p: P.COND, b: a.b, mu: true };
      }],
      [simple || d <= 0 || t.k !== "s" ? 0 : 0.7, () => {
        // o && s: undefined or "" stay, anything else gives s
        const [o, s] = this.narrowing(() => this.optExpr(S, d - 1, true), () => this.sink(S, d - 1));
        // Not a variable TypeScript may see as plain `undefined`: `f(v && s)` with a default
        // parameter is then rejected (IS1018), see AVOID.
        if (!o || (AVOID.undefinedAndToDefault && o.v?.flowUndef)) return undefined;
        return { c: `${opnd(o, P.AND)} && ${opnd(s, P.AND)}`, p: P.AND, b: Math.max(o.b, s.b), litTy: s.litTy, mu: o.mu, undef: o.undef };
      }],
    ]);
  }

  // --- Arrays ---

  /** An array of type t (S or N) with at most `max` elements. */
  private genArr(t: Ty, d: number, max: number, emptyOk: boolean): E {
    const el = elemOf(t);
    const e = this.tryAlts<E>([
      [4, () => {
        const vs = this.vars((v) => sameTy(v.ty, t) && v.b <= max);
        if (!vs.length) return undefined;
        const v = this.rng.pick(vs);
        return { c: this.use(v), p: P.ATOM, b: v.b };
      }],
      [d > 0 ? 1.5 : 0, () => {
        const c = this.callOf(t, d);
        return c && c.b <= max ? c : undefined;
      }],
      [3, () => {
        const n = this.rng.int(emptyOk ? 0 : 1, Math.min(4, max));
        const els: string[] = [];
        for (let i = 0; i < n; i++) els.push(this.sink(el, d - 1).c);
        return { c: `[${els.join(", ")}]`, p: P.ATOM, b: n, lit: true, fresh: true };
      }],
      [t.k === "S" ? 3 : 0, () => {
        const sep = this.rng.pick(SEPS);
        const src = this.rng.chance(0.5) ? strLit(this.splitText(sep)) : this.capS(this.genS(d - 1), Math.min(SCAP, max - 1));
        if (src.b + 1 > max) return undefined;
        return { c: `${recv(src)}.split(${lit(sep)})`, p: P.CALL, b: src.b + 1, fresh: true };
      }],
      [d > 0 ? 0.8 : 0, () => {
        // Spread a variable, a call or a split (spreading `a ?? b` is IS1011).
        const a = this.varOf(t) ?? this.callOf(t, d - 1) ?? this.genArr(t, d - 1, max, false);
        if (!/^[\w$]+$|\)$/.test(a.c) || a.c.startsWith("[")) return undefined;
        const n = this.rng.int(0, 2);
        if (a.b + n > max) return undefined;
        const els = [`...${a.c}`];
        this.spread = true;
        for (let i = 0; i < n; i++) els.push(this.sink(el, d - 1).c);
        if (this.rng.chance(0.5)) els.reverse();
        return { c: `[${els.join(", ")}]`, p: P.ATOM, b: a.b + n, fresh: true };
      }],
      [1, () => {
        const cands: { rec: RecDef; f: RecField }[] = [];
        for (const rec of this.recs) for (const f of rec.fields) if (f.ty.k === t.k) cands.push({ rec, f });
        if (!cands.length || ACAP > max) return undefined;
        const { rec, f } = this.rng.pick(cands);
        const r = this.recRecv(rec, d);
        if (!r) return undefined;
        if (!f.opt) return { c: `${r}.${f.name}`, p: P.CALL, b: ACAP };
        const alt = this.genArr(t, d - 1, max, false);
        return { c: `${r}.${f.name} ?? ${nopnd(alt)}`, p: P.NULLISH, b: Math.max(ACAP, alt.b) };
      }],
      [1, () => {
        const o = this.varOf(optOf(t));
        if (!o || ACAP > max || o.v?.flowDef || this.inConds(o.c)) return undefined;
        const alt = this.genArr(t, d - 1, max, false);
        return { c: `${o.c} ?? ${nopnd(alt)}`, p: P.NULLISH, b: Math.max(ACAP, alt.b) };
      }],
    ]);
    return e ?? { c: t.k === "S" ? '["q"]' : "[0]", p: P.ATOM, b: 1, lit: true };
  }

  /** A literal text to split on `sep`: empty fields, separators at the ends. */
  private splitText(sep: string): string {
    const n = this.rng.int(0, 4);
    const fields: string[] = [];
    for (let i = 0; i < n; i++) fields.push(this.rng.pick(FIELDS));
    let s = fields.join(sep || "");
    if (sep && this.rng.chance(0.3)) s = sep + s;
    if (sep && this.rng.chance(0.3)) s = s + sep;
    if (s.length > SCAP) s = s.slice(0, SCAP);
    for (const f of fields) if (f && !this.splitFields.includes(f)) this.splitFields.push(f);
    return s;
  }

  private splitCount(s: string, sep: string): number {
    return s.split(sep).length;
  }

  // --- Records ---

  private genRec(rec: RecDef, d: number): E {
    const t = recTy(rec);
    const e = this.tryAlts<E>([
      [3, () => this.varOf(t)],
      [d > 0 ? 2 : 0, () => this.callOf(t, d)],
      [3, () => ({ c: this.recLiteral(rec, d), p: P.ATOM, b: 0 })],
    ]);
    return e ?? { c: this.recLiteral(rec, d), p: P.ATOM, b: 0 };
  }

  /** A record of literal values (optional fields sometimes left out). */
  private literalRecord(rec: RecDef): string {
    const value = (t: Ty): string =>
      t.k === "s" ? strLit(this.rng.pick(STRINGS)).c : t.k === "n" ? numLit(this.rng.pick(SMALL_NUMS)).c : t.k === "b" ? String(this.rng.chance(0.5)) : "[]";
    const parts = rec.fields.filter((f) => !f.opt || this.rng.chance(0.5)).map((f) => `${/^[A-Za-z_$][\w$]*$/.test(f.name) ? f.name : JSON.stringify(f.name)}: ${value(f.ty)}`);
    return parts.length ? `{ ${parts.join(", ")} }` : "{}";
  }

  private recLiteral(rec: RecDef, d: number): string {
    const parts: string[] = [];
    const fields = this.rng.chance(0.3) ? this.rng.shuffle([...rec.fields]) : rec.fields;
    for (const f of fields) {
      if (f.opt && !(AVOID.scRecordOptionalInRecursion && this.frame.fn?.rec)) {
        const r = this.rng.next();
        if (r < 0.3) continue;
        if (r < 0.4) {
          parts.push(`${f.name}: undefined`);
          continue;
        }
      }
      const v = this.lookup(f.name);
      if (v && sameTy(v.ty, f.ty) && v.b <= capOf(f.ty) && this.rng.chance(0.5) && /^[A-Za-z_$][\w$]*$/.test(f.name)) {
        parts.push(this.use(v));
        continue;
      }
      parts.push(`${f.name}: ${this.sink(f.ty, d - 1).c}`);
    }
    return parts.length ? `{ ${parts.join(", ")} }` : "{}";
  }

  // --- Statements ---

  /** Generates up to n statements in the current scope; returns whether the list cannot complete. */
  private block(n: number): boolean {
    for (let i = 0; i < n; i++) {
      if (this.stmt()) return true;
    }
    return false;
  }

  /** `{ … }` in a new scope; returns whether it cannot complete. */
  private braced(n: number, pre?: (sc: Scope) => void, post?: (terminated: boolean) => void): boolean {
    this.pushScope();
    pre?.(this.scope);
    this.ind++;
    const t = this.block(n);
    post?.(t);
    this.ind--;
    this.popScope();
    return t;
  }

  /** Scopes of loop bodies, whose statements must let the body complete (AVOID.scLoopBodyJumps). */
  private noTerm = new Set<Scope>();
  private loopBody(sc: Scope): void {
    if (AVOID.scLoopBodyJumps) this.noTerm.add(sc);
  }

  private get nesting(): number {
    return this.frame.scopes.length;
  }

  private stmt(): boolean {
    const f = this.frame;
    const deep = this.nesting >= (f.fn ? 5 : 5);
    const inLoop = f.targets.some((t) => t.kind === "loop");
    const canBreak = f.targets.length > 0;
    const d = this.rng.weighted([[4, 1], [3, 2], [1, 3]]) as number;
    // In a loop body (AVOID.scLoopBodyJumps): nothing that cannot complete.
    const nt = this.noTerm.has(this.scope);
    const r = this.tryAlts<boolean>([
      [4, () => this.declStmt(d)],
      [3, () => this.assignStmt(d)],
      [6, () => this.logStmt(d)],
      [deep ? 0 : 3, () => this.ifStmt(d, nt)],
      [deep ? 0 : 2.5, () => this.loopStmt()],
      [deep ? 0 : 1, () => this.switchStmt(nt)],
      [1.5, () => this.pushStmt(d)],
      [2, () => this.callStmt(d)],
      [1, () => this.shortStmt(d)],
      [deep ? 0 : 1, () => this.narrowStmt(d, nt)],
      [deep ? 0 : 0.8, () => this.matchStmt()],
      [canBreak && !nt ? 1.2 : 0, () => this.jumpStmt(inLoop)],
      [f.fn && f.fn.ret !== "never" && !nt ? 0.8 : 0, () => this.returnStmt(d, true)],
      [this.die ? 0.2 : 0, () => this.dieStmt(d)],
      [deep || nt ? 0 : 0.5, () => {
        this.emit("{");
        const t = this.braced(this.rng.int(1, 3));
        this.emit("}");
        return t;
      }],
    ]);
    this.spend(1);
    return r ?? false;
  }

  private declStmt(d: number): boolean | undefined {
    const optOk = !(AVOID.scUnusedOptionalInRecursion && this.frame.fn?.rec);
    const t = this.rng.weighted<Ty>([
      [5, S],
      [4, N],
      [2, B],
      [1.5, SA],
      [0.8, NA],
      [optOk ? 1.5 : 0, optOf(S)],
      [optOk ? 0.7 : 0, optOf(N)],
      [optOk ? 0.4 : 0, optOf(B)],
      [optOk ? 0.4 : 0, optOf(SA)],
      [this.recs.length && optOk ? 1.5 : 0, recTy(this.rng.pick(this.recs.length ? this.recs : [{ name: "X", fields: [] }]))],
    ]) as Ty;
    const mutable = this.rng.chance(0.6);
    const acc = mutable && (t.k === "s" || t.k === "n") && !t.opt && this.rng.chance(0.4);
    let e: E;
    if (t.opt && mutable && this.rng.chance(0.25)) {
      const name = this.newName("v");
      this.emit(`let ${name}: ${tyText(t)};`);
      this.declare(name, t, { global: this.isGlobalSection(), flowUndef: true });
      return false;
    }
    if (isArr(t) && this.rng.chance(0.2)) e = { c: "[]", p: P.ATOM, b: 0 };
    else e = this.sink(t, d, acc && t.k === "s" ? 12 : acc && t.k === "n" ? 1000 : undefined);
    const name = this.newName(t.k === "R" ? "rec" : isArr(t) ? "xs" : "v");
    let b: number;
    if (t.k === "s") b = acc ? ACC_S : mutable ? SCAP : e.b;
    else if (t.k === "n") b = acc ? NCAP : mutable ? NCAP + 50_000 : e.b;
    else if (isArr(t)) b = mutable ? Math.max(ACAP, e.b) : Math.max(e.b, PUSH_GUARD + 2);
    else b = capOf(t);
    if (t.opt) b = capOf(t);
    this.emit(`${mutable ? "let" : "const"} ${name}: ${tyText(t)} = ${e.c};`);
    this.declare(name, t, { mutable, b, acc, cur: e.b, global: this.isGlobalSection(), ...(t.opt ? { flowUndef: e.undef === true, flowDef: !e.mu && !e.undef } : {}) });
    return false;
  }

  private inGlobals = false;
  private isGlobalSection(): boolean {
    return this.inGlobals;
  }

  private assignStmt(d: number): boolean | undefined {
    const targets = this.vars(
      (v) => v.mutable && !v.frozen && v.ty.k !== "R" && !(AVOID.globalOptionalAssignedInFunction && v.global && v.ty.opt && this.frame.fn),
    );
    if (!targets.length) return undefined;
    const v = this.rng.pick(targets);
    const t = v.ty;
    const relMult = this.frame.mult / v.declMult;
    const canGrow = !v.global;
    const opts: (readonly [number, () => boolean | undefined])[] = [
      [3, () => {
        const e = t.k === "s" && !t.opt ? this.capS(this.genS(d), v.b) : t.k === "n" && !t.opt ? this.capN(this.genN(d, false), v.b) : isArr(t) && !t.opt ? this.genArr(t, d, v.b, true) : this.sink(t, d);
        if (AVOID.scSelfAssign && selfCopy(e.c, v.name)) return undefined;
        if (t.opt) {
          if (e.undef) v.flowUndef = true;
          if (!e.mu && !e.undef) v.flowDef = true;
        }
        this.emit(`${this.use(v)} = ${e.c};`);
        v.cur = Math.max(v.cur, e.b);
        return false;
      }],
    ];
    if (t.k === "s" && !t.opt && v.acc && canGrow) {
      opts.push([3, () => {
        const e = this.genS(d);
        const add = e.b * relMult;
        if (v.cur + add > v.b || (AVOID.scSelfAssign && e.c === '""')) return undefined;
        v.cur += add;
        this.emit(`${this.use(v)} += ${e.c};`);
        return false;
      }]);
    }
    if (t.k === "n" && !t.opt) {
      opts.push([3, () => {
        const op = this.rng.pick(["++", "--", "+=", "-="]);
        if (v.global || !v.acc) {
          // Counters: small steps; their total is bounded by the program's cost budget.
          if (op === "++" || op === "--") this.emit(`${this.use(v)}${op};`);
          else this.emit(`${this.use(v)} ${op} ${this.rng.int(1, 9)};`);
          return false;
        }
        if (op === "++" || op === "--") {
          if (v.cur + relMult > v.b) return undefined;
          v.cur += relMult;
          this.emit(`${this.use(v)}${op};`);
          return false;
        }
        const e = this.genN(d, false);
        const add = e.b * relMult;
        if (v.cur + add > v.b) return undefined;
        v.cur += add;
        this.emit(`${this.use(v)} ${op} ${opnd(e, 2)};`);
        return false;
      }]);
      if (v.acc && !v.global && relMult === 1) {
        opts.push([0.7, () => {
          const k = this.rng.int(2, 3);
          if (v.cur * k > v.b) return undefined;
          v.cur *= k;
          this.emit(`${this.use(v)} *= ${k};`);
          return false;
        }]);
      }
    }
    if (t.k !== "n" || t.opt) {
      // ||= &&= ??= never grow a value beyond its bound.
      opts.push([1.5, () => {
        // (Not on arrays: IS1001.)
        const ops = isArr(t) ? [] : t.opt ? ["??=", "||="] : t.k === "s" || t.k === "b" ? ["||=", "&&="] : [];
        if (!ops.length) return undefined;
        const op = this.rng.pick(ops);
        const e = t.k === "s" ? this.capS(this.genS(d), Math.min(v.b, SCAP)) : this.sink(baseOf(t), d);
        if (t.opt) v.flowDef = true;
        this.emit(`${this.use(v)} ${op} ${e.c};`);
        return false;
      }]);
    } else if (!v.global) {
      opts.push([0.5, () => {
        const op = this.rng.pick(["||=", "&&="]);
        const e = this.capN(this.genN(d, false), v.acc ? 1000 : v.b);
        v.cur = Math.max(v.cur, e.b);
        this.emit(`${this.use(v)} ${op} ${e.c};`);
        return false;
      }]);
    }
    return this.tryAlts(opts);
  }

  private logStmt(d: number): boolean {
    const fn = this.rng.chance(0.85) ? "console.log" : "console.error";
    const n = this.rng.weighted([
      [0.3, 0],
      [6, 1],
      [2, 2],
      [1, 3],
    ]) as number;
    const args: string[] = [];
    if (this.plain) {
      // Only what the compiler can see is plain text: the one-line echo stand-in in posh and mksh.
      for (let i = 0; i < n; i++) {
        const r = this.rng.next();
        const plainLit = () => this.rng.pick(PLAIN_STRINGS.filter((x) => i > 0 || n < 2 || !x.includes("%")));
        if (r < 0.5) args.push(this.capN(this.genN(d, false), NLIM).c);
        else if (r < 0.7) args.push(this.genB(d, true).c);
        else if (r < 0.85 && (i > 0 || n < 2)) {
          // Templates and + of plain parts are plain too.
          const num = this.capN(this.genN(d, false), NLIM);
          args.push(this.rng.chance(0.5) ? `\`${templateChunk(plainLit())}\${${num.c}}${templateChunk(plainLit())}\`` : `${lit(plainLit())} + ${opnd(num, P.ADD)}`);
        } else args.push(lit(plainLit()));
      }
      this.emit(`${fn}(${args.join(", ")});`);
      return false;
    }
    for (let i = 0; i < n; i++) {
      const t = this.rng.weighted<Ty>([
        [5, S],
        [3, N],
        [1.5, B],
        [1, optOf(S)],
        [0.5, optOf(N)],
        [0.3, optOf(B)],
      ]) as Ty;
      if (i === 0 && n >= 2 && (t.k === "s")) {
        // A string first among several must be a literal without %.
        const s = this.rng.pick(STRINGS.filter((x) => !x.includes("%")));
        args.push(lit(s));
        continue;
      }
      if (t.k === "n" && !t.opt) args.push(this.capN(this.genN(d, false), NLIM).c);
      else if (t.k === "s" && !t.opt) args.push(this.genS(d).c);
      else args.push(this.gen(t, d, false).c);
    }
    this.emit(`${fn}(${args.join(", ")});`);
    return false;
  }

  /**
   * An if-chain testing one string against patterns (compiled to a `case`), with
   * `s.slice(n)` in a startsWith arm (`${s#prefix}` when n is the prefix's length).
   */
  private matchStmt(): boolean | undefined {
    const strings = this.visible().filter((v) => sameTy(v.ty, S) && /^[A-Za-z_$][\w$]*$/.test(v.name));
    if (strings.length === 0) return undefined;
    const subject = this.rng.pick(strings);
    const other = this.rng.pick(strings);
    const needle = () => strLit(this.rng.pick([...NEEDLES, ...FIELDS])).c;
    // `as string`: TypeScript may know the subject's literal type and reject a comparison.
    const other2 = () => `(${needle()} as string)`;
    // The prefix: literal text, or another string and a literal; the slice count its length or not.
    const prefixText = this.rng.pick([...NEEDLES, ...FIELDS]);
    const withVar = this.rng.chance(0.5);
    const prefix = withVar ? `\`\${${this.use(other)}}${templateChunk(prefixText)}\`` : strLit(prefixText).c;
    const exact = withVar ? `${other.name}.length + ${prefixText.length}` : String(prefixText.length);
    const count = this.rng.weighted<string>([[4, exact], [1, String(Math.max(0, prefixText.length - 1))], [1, String(prefixText.length + 1)]]) as string;
    const x = this.use(subject);
    const log = (tag: string, value = "") => this.emit(`  console.log(\`${tag}${value}\`);`);
    this.emit(`if (${x}.startsWith(${prefix})) {`);
    log("starts ", `[\${${x}.slice(${count})}]`);
    const arms = this.rng.int(0, 3);
    for (let i = 0; i < arms; i++) {
      const m = this.rng.pick(["===", "endsWith", "includes", "||"]);
      const test =
        m === "===" ? `${x} === ${other2()}` : m === "||" ? `${x} === ${other2()} || ${x}.endsWith(${needle()})` : `${x}.${m}(${needle()})`;
      this.emit(`} else if (${this.rng.chance(0.15) ? `!(${test})` : test}) {`);
      log(`arm ${i}`);
    }
    if (this.rng.chance(0.6)) {
      this.emit("} else {");
      log("none");
    }
    this.emit("}");
    return false;
  }

  private ifStmt(d: number, noElse = false): boolean {
    const { e: c, names, done } = this.recordedCond(() => this.cond(d));
    const t = this.ifStmtWith(c, d, names, noElse);
    done();
    return t;
  }

  private ifStmtWith(c: E, d: number, names: Set<string>, noElse: boolean): boolean {
    const shape = this.rng.int(0, noElse ? 2 : 4);
    if (shape === 0 && this.rng.chance(0.7)) {
      // One statement, no braces.
      const save = this.lines.length;
      this.emit(`if (${c.c})`);
      this.pushScope();
      this.ind++;
      const before = this.lines.length;
      if (this.simpleStmt(d)) this.taint(names);
      this.ind--;
      this.popScope();
      if (this.lines.length !== before + 1) {
        // Keep it braced when the statement took several lines.
        this.lines.splice(save, 1, this.lines[save] + " {");
        this.emit("}");
      } else {
        const body = (this.lines.pop() as string).trim();
        this.lines[save] = (this.lines[save] as string) + " " + body;
      }
      return false;
    }
    this.emit(`if (${c.c}) {`);
    const t1 = this.braced(this.rng.int(1, 3));
    if (shape <= 2) {
      this.emit("}");
      if (t1) this.taint(names);
      return false;
    }
    if (shape === 3 && this.nesting < 5) {
      const { e: c2, names: names2, done } = this.recordedCond(() => this.cond(d));
      this.emit(`} else if (${c2.c}) {`);
      const t2 = this.braced(this.rng.int(1, 2));
      this.emit("} else {");
      const t3 = this.braced(this.rng.int(1, 2));
      this.emit("}");
      done();
      if (t1 || t2 || t3) this.taint([...names, ...names2]);
      return t1 && t2 && t3;
    }
    this.emit("} else {");
    const t2 = this.braced(this.rng.int(1, 3));
    this.emit("}");
    if (t1 || t2) this.taint(names);
    return t1 && t2;
  }

  /** A statement for a brace-less if: log, assignment, call, jump. */
  /** Returns whether the statement cannot complete. */
  private simpleStmt(d: number): boolean {
    const inLoop = this.frame.targets.some((t) => t.kind === "loop");
    const r = this.tryAlts<boolean>([
      [3, () => this.logStmt(d)],
      [2, () => this.assignStmt(d)],
      [1, () => this.callStmt(d)],
      [this.frame.targets.length ? 3 : 0, () => this.jumpStmt(inLoop)],
      [this.frame.fn && this.frame.fn.ret !== "never" ? 1.5 : 0, () => this.returnStmt(d, false)],
      [this.die ? 0.3 : 0, () => {
        const dc = this.dieCall(d);
        if (!dc) return undefined;
        this.emit(`${dc};`);
        return true;
      }],
    ]);
    if (r === undefined) return this.logStmt(d);
    return r;
  }

  private jumpStmt(inLoop: boolean): boolean | undefined {
    const targets = this.frame.targets;
    const top = targets[targets.length - 1];
    if (!top) return undefined;
    const useContinue = inLoop && this.rng.chance(0.45);
    if (useContinue) {
      for (let i = targets.length - 1; i >= 0; i--) {
        const t = targets[i] as Target;
        if (t.kind === "loop") {
          t.continued = true;
          break;
        }
      }
      this.emit("continue;");
    } else {
      top.broke = true;
      this.emit("break;");
    }
    return true;
  }

  private returnStmt(d: number, topOk: boolean): boolean | undefined {
    const fn = this.frame.fn;
    if (!fn) return undefined;
    // A bare return at the top of a body would end it early: keep those inside branches.
    if (topOk && this.frame.scopes.length <= 1) return undefined;
    if (fn.ret === "void") this.emit("return;");
    else if (fn.ret === "never") return undefined;
    else this.emit(`return ${this.sink(fn.ret, d).c};`);
    return true;
  }

  private dieStmt(d: number): boolean | undefined {
    const dc = this.dieCall(d);
    if (!dc) return undefined;
    const m = this.rng.int(0, 3);
    const cond = () => {
      const { e, names, done } = this.recordedCond(() => this.cond(d));
      done();
      this.taint(names);
      return e;
    };
    if (m === 0) {
      this.emit(`if (${cond().c}) ${dc};`);
      return false;
    }
    if (m === 1) {
      const c = cond();
      if (AVOID.scAndOrStatement && c.p <= P.AND) return undefined;
      this.emit(`${opnd(c, P.OR)} || ${dc};`);
      return false;
    }
    if (m === 2) {
      const c = cond();
      this.emit(`if (${c.c}) {`);
      this.ind++;
      this.emit(`console.log(${lit(this.rng.pick(STRINGS))});`);
      this.emit(`process.exit(${this.rng.int(0, 9)});`);
      this.ind--;
      this.emit("}");
      return false;
    }
    const { e: o, names, done } = this.recordedCond(() => this.optExpr(this.rng.pick([S, N]), d, true) ?? numLit(0));
    done();
    if (o.lit) return undefined;
    this.taint(names);
    this.emit(`${nopnd(o)} ?? ${dc};`);
    return false;
  }

  private callStmt(d: number): boolean | undefined {
    const fs = this.callable((f) => f.ret === "void" || this.rng.chance(0.3));
    if (!fs.length) return undefined;
    const f = this.rng.pick(fs);
    this.emit(`${this.call(f, d).c};`);
    if (!this.frame.fn && this.frame.scopes.length === 1) this.plainTopCalls.add(f);
    return false;
  }

  /** `cond && f();`, `s || f();`, `opt ?? f();` */
  private shortStmt(d: number): boolean | undefined {
    const fs = this.callable(() => true);
    if (!fs.length) return undefined;
    const f = this.rng.pick(fs);
    const m = this.rng.int(0, 2);
    if (m === 2) {
      const [o, call] = this.narrowing(
        () => this.optExpr(this.rng.pick([S, N]), d, true),
        (o) => (o ? this.call(f, d) : undefined),
      );
      if (!o || !call) return undefined;
      this.emit(`${nopnd(o)} ?? ${call.c};`);
      return false;
    }
    const [c, call] = this.narrowing(() => this.cond(d), () => this.call(f, d));
    if (AVOID.scAndOrStatement && c.p <= P.AND) return undefined;
    const op = m === 0 ? "&&" : "||";
    this.emit(`${opnd(c, op === "&&" ? P.AND : P.OR)} ${op} ${call.c};`);
    return false;
  }

  private pushStmt(d: number): boolean | undefined {
    if (this.frame.noPush > 0) return undefined;
    const arrs = this.vars((v) => isArr(v.ty) && !v.ty.opt);
    if (!arrs.length) return undefined;
    const v = this.rng.pick(arrs);
    const name = this.use(v);
    const guard = this.rng.int(2, PUSH_GUARD);
    if (this.rng.chance(0.2)) {
      const src = this.genArr(v.ty, d, ACAP, false);
      if (!/^[\w$]+$/.test(src.c)) {
        this.emit(`if (${name}.length < ${guard}) ${name}.push(...${src.c});`);
        this.spread = true;
        if (src.b > 3) return this.undoLast();
      } else {
        this.emit(`if (${name}.length + ${src.c}.length < ${PUSH_GUARD + 2}) ${name}.push(...${src.c});`);
        this.spread = true;
      }
    } else {
      const n = this.rng.int(1, 3);
      const els: string[] = [];
      for (let i = 0; i < n; i++) els.push(this.sink(elemOf(v.ty), i > 0 && AVOID.pushLaterArgsReadRegister ? 0 : d).c);
      if (this.rng.chance(0.2)) {
        const nv = this.newName("len");
        this.emit(`const ${nv}: number = ${name}.length < ${guard} ? ${name}.push(${els.join(", ")}) : -1;`);
        this.declare(nv, N, { mutable: false, b: ACAP + 4 });
      } else {
        this.emit(`if (${name}.length < ${guard}) ${name}.push(${els.join(", ")});`);
      }
    }
    this.frame.pushes = true;
    return false;
  }

  private undoLast(): undefined {
    this.lines.pop();
    return undefined;
  }

  /** `if (v !== undefined) { … v is T here … }` for locals and parameters. */
  private narrowStmt(d: number, noElse = false): boolean | undefined {
    const cands = this.vars((v) => v.ty.opt && v.ty.k !== "R" && (!v.global || !v.mutable) && !v.flowUndef && !v.flowDef && !this.inConds(v.name));
    if (!cands.length) return undefined;
    const v = this.rng.pick(cands);
    const name = this.use(v);
    const alias = (sc: Scope) => sc.vars.set(name, { ...v, ty: baseOf(v.ty), frozen: true, mutable: false, acc: false, b: capOf(baseOf(v.ty)), alias: true });
    // Where it is known to be undefined, it must not be narrowed again (that would be never).
    const undef = (sc: Scope) => sc.vars.set(name, { ...v, frozen: true, mutable: false, flowUndef: true });
    if (noElse || this.rng.chance(0.5)) {
      this.emit(`if (${name} !== undefined) {`);
      const t1 = this.braced(this.rng.int(1, 3), alias);
      if (noElse || this.rng.chance(0.5)) {
        this.emit("}");
        if (t1) this.taint([name]);
        return false;
      }
      this.emit("} else {");
      const t2 = this.braced(this.rng.int(1, 2), undef);
      this.emit("}");
      if (t1 || t2) this.taint([name]);
      return t1 && t2;
    }
    this.emit(`if (${name} === undefined) {`);
    const t1 = this.braced(this.rng.int(1, 2), undef);
    this.emit("} else {");
    const t2 = this.braced(this.rng.int(1, 3), alias);
    this.emit("}");
    if (t1 || t2) this.taint([name]);
    return t1 && t2;
  }

  // --- Loops ---

  private loopStmt(): boolean {
    const kind = this.rng.weighted<string>([
      [3, "for"],
      [2, "while"],
      [1.5, "do"],
      [4, "split"],
      [2, "of"],
    ]) as string;
    const f = this.frame;
    const target: Target = { kind: "loop", broke: false, continued: false };
    const enter = (mult: number, noPush: boolean) => {
      f.mult *= mult;
      if (noPush) f.noPush++;
      f.targets.push(target);
    };
    const leave = (mult: number, noPush: boolean) => {
      f.mult /= mult;
      if (noPush) f.noPush--;
      f.targets.pop();
    };
    const nBody = this.rng.int(1, 4);
    if (kind === "for") {
      const k = this.rng.int(0, 4);
      this.pushScope();
      const overArr = this.rng.chance(0.3) ? this.genArr(this.rng.chance(0.7) ? SA : NA, 1, ACAP, false) : undefined;
      const arrName = overArr && /^[\w$]+$/.test(overArr.c) ? overArr.c : undefined;
      const i = this.newName("i");
      const iv = this.declare(i, N, { frozen: true, b: arrName ? ACAP : k + 1 });
      const mult = arrName ? (overArr as E).b : Math.max(1, k);
      let head: string;
      if (arrName) head = `for (let ${i} = 0; ${i} < ${arrName}.length; ${i}++)`;
      else {
        const form = this.rng.int(0, 3);
        head =
          form === 0
            ? `for (let ${i} = 0; ${i} < ${k}; ${i}++)`
            : form === 1
              ? `for (let ${i} = ${k}; ${i} > 0; ${i}--)`
              : form === 2
                ? `for (let ${i} = 0; ${i} < ${k}; ${i} += 1)`
                : `for (let ${i} = ${k ? -k : 0}; ${i} < 0; ${i} = ${i} + 1)`;
      }
      this.emit(`${head} {`);
      enter(mult, arrName !== undefined);
      if (arrName && this.rng.chance(0.8)) {
        this.pushScope();
        const av = this.lookup(arrName) as Var;
        this.use(av);
        this.use(iv);
        const el = this.newName("x");
        const isS = av.ty.k === "S";
        this.ind++;
        this.emit(`const ${el}: ${isS ? "string" : "number"} = ${arrName}[${i}] ?? ${isS ? '""' : "0"};`);
        this.declare(el, isS ? S : N, { mutable: false, b: isS ? SCAP : NCAP });
        this.loopBody(this.scope);
        this.block(nBody);
        this.ind--;
        this.popScope();
      } else {
        this.braced(nBody, (sc) => this.loopBody(sc));
      }
      leave(mult, arrName !== undefined);
      this.popScope();
      this.emit("}");
      return false;
    }
    if (kind === "while" || kind === "do") {
      const k = this.rng.int(kind === "do" ? 1 : 0, 4);
      const w = this.newName("w");
      this.emit(`let ${w}: number = 0;`);
      const wv = this.declare(w, N, { frozen: true, b: k + 1 });
      enter(Math.max(1, k), false);
      // A do…while condition after a body that always jumps is unreachable, and TypeScript no
      // longer narrows there: no narrowed optionals in it.
      const rc =
        this.rng.chance(0.3) && (kind === "while" || (!AVOID.scDoWhileAnd && !this.visible().some((v) => v.alias))) ? this.recordedCond(() => this.cond(1)) : undefined;
      const extra = rc?.e;
      const c = `${w} < ${k}` + (extra ? ` && ${opnd(extra, P.AND)}` : "");
      this.emit(kind === "while" ? `while (${c}) {` : "do {");
      this.pushScope();
      this.loopBody(this.scope);
      this.ind++;
      this.emit(`${this.use(wv)}++;`);
      const t = this.block(nBody);
      this.ind--;
      this.popScope();
      leave(Math.max(1, k), false);
      rc?.done();
      if (kind === "while") {
        this.emit("}");
        return false;
      }
      this.emit(`} while (${c});`);
      return t && !target.continued && !target.broke;
    }
    // for…of
    this.pushScope();
    let src: string;
    let mult: number;
    let noPush = false;
    let elT: Ty = S;
    if (kind === "split") {
      const sep = this.rng.pick(SEPS);
      if (this.rng.chance(0.55)) {
        const text = this.splitText(sep);
        src = `${lit(text)}.split(${lit(sep)})`;
        mult = this.splitCount(text, sep);
      } else {
        const s = this.capS(this.genS(1), SCAP);
        src = `${recv(s)}.split(${lit(sep)})`;
        mult = s.b + 1;
      }
    } else {
      elT = this.rng.chance(0.75) ? S : N;
      const a = this.genArr(elT === S ? SA : NA, 2, ACAP, false);
      src = a.c;
      mult = Math.max(1, a.b);
      noPush = !a.fresh;
    }
    // Sometimes the split is a const of its own, walked and then tested, in a block: an array
    // split-arrays.ts keeps as the text it was split from.
    // (A name nothing visible has: the body may still read what a shadowing name would hide.)
    const visible = new Set(this.visible().map((v) => v.name));
    const freshName = (base: string) => [base, ...Array.from({ length: 99 }, (_, i) => `${base}${i + 2}`)].find((n) => this.canDeclare(n) && !visible.has(n))!;
    const kept = kind === "split" && this.rng.chance(0.3) ? freshName("words") : undefined;
    if (kept) {
      this.scope.used.add(kept);
      this.emit("{");
      this.ind++;
      this.emit(`const ${kept} = ${src};`);
      src = kept;
    }
    const pref = this.rng.chance(0.35) ? LOOP_VARS.filter((n) => this.canDeclare(n)) : [];
    const x = pref.length ? this.rng.pick(pref) : this.newName("x");
    const xv = this.declare(x, elT, { mutable: false, b: elT === S ? SCAP : NCAP });
    this.emit(`for (const ${x} of ${src}) {`);
    enter(mult, noPush);
    this.braced(
      nBody,
      (sc) => this.loopBody(sc),
      (t) => {
        // An unused loop variable over an array: AVOID.scUnusedLoopVariable.
        // (Even a read may be folded away: print it.)
        if (AVOID.scUnusedLoopVariable && !t && kind !== "split") {
          this.emit(`console.log(${this.use(xv)}${this.plain && elT === S ? ".length" : ""});`);
        }
      },
    );
    leave(mult, noPush);
    this.popScope();
    this.emit("}");
    if (kept) {
      this.emit(`console.log(${kept}.includes(${lit(this.rng.pick(NEEDLES))}), ${kept}.includes(${lit(this.rng.pick(FIELDS))}));`);
      this.ind--;
      this.emit("}");
    }
    return false;
  }

  private switchStmt(noDefault = false): boolean {
    const isStr = this.rng.chance(0.6);
    let disc: E | undefined;
    let labels: string[];
    // The discriminant may not have a literal type (TS2678), and a variable switched on is
    // narrowed to the labels inside the clauses: one such switch at a time.
    const fits = (e: E) => !e.litTy && !(isRef(e) && (this.switchOnRef > 0 || !/^[\w$]+$/.test(e.c)));
    const names = new Set<string>();
    this.recording = names;
    for (let tries = 0; tries < 8 && !(disc && fits(disc)); tries++) {
      if (isStr) disc = this.rng.chance(0.5) ? this.varOf(S) ?? this.genS(2) : this.genS(2);
      else disc = this.rng.chance(0.3) ? this.varOf(N) ?? this.genN(2, true) : this.rng.chance(0.5) ? this.capN(this.genN(2, true), 100) : this.genN(2, true);
    }
    this.recording = undefined;
    this.condNames.push(names);
    if (!disc || !fits(disc)) disc = isStr ? { c: `String(${this.rng.int(0, 9)})`, p: P.CALL, b: 1 } : { c: `"ab".length`, p: P.CALL, b: 2 };
    if (isStr) {
      const pool = [...new Set([...this.splitFields, ...FIELDS, ...this.rng.shuffle([...STRINGS]).slice(0, 6)])];
      labels = this.rng.shuffle(pool).slice(0, 6).map(lit);
    } else {
      labels = this.rng.shuffle([-1, 0, 1, 2, 3, 4, 5, 10]).slice(0, 6).map(String);
    }
    const onRef = isRef(disc);
    const narrowed = onRef ? this.lookup(disc.c) : undefined;
    if (onRef) this.switchOnRef++;
    if (narrowed) this.litNarrowed.add(narrowed);
    const target: Target = { kind: "switch", broke: false, continued: false };
    this.frame.targets.push(target);
    this.emit(`switch (${disc.c}) {`);
    this.ind++;
    const nClauses = this.rng.int(1, 4);
    // No default when switching on a variable: the narrowing to the labels must not outlive the switch.
    const hasDefault = !noDefault && !narrowed && !isRef(disc) && this.rng.chance(0.6);
    const defaultAt = hasDefault ? this.rng.int(0, nClauses) : -1;
    let li = 0;
    let lastTerm = false;
    const total = nClauses + (hasDefault ? 1 : 0);
    for (let ci = 0; ci < total; ci++) {
      const isDefault = ci === defaultAt;
      const heads: string[] = [];
      if (isDefault) heads.push("default:");
      else {
        const n = this.rng.chance(0.25) ? 2 : 1;
        for (let j = 0; j < n && li < labels.length; j++) heads.push(`case ${labels[li++]}:`);
        if (!heads.length) continue;
      }
      for (const h of heads) this.emit(h);
      // Each clause in its own scope; braces only when it declares something.
      const start = this.lines.length;
      this.pushScope();
      const sc = this.scope;
      this.ind++;
      const n = this.rng.int(0, 3);
      let term = this.block(n);
      const end = this.rng.next();
      if (!term && end < 0.6) {
        this.emit("break;");
        target.broke = true;
        term = true;
      }
      this.ind--;
      this.popScope();
      if (sc.vars.size > 0) {
        const body = this.lines.splice(start);
        const last = this.lines.pop() as string;
        this.lines.push(last + " {");
        for (const l of body) this.lines.push("  " + l);
        this.emit("}");
      }
      lastTerm = term;
    }
    this.ind--;
    this.emit("}");
    this.frame.targets.pop();
    if (onRef) this.switchOnRef--;
    this.condNames.splice(this.condNames.lastIndexOf(names), 1);
    if (narrowed) this.litNarrowed.delete(narrowed);
    return hasDefault && !target.broke && lastTerm;
  }

  private switchOnRef = 0;
  private callCount = 0;
  /** The program spreads an array somewhere (AVOID.scSpreadWithoutPush). */
  private spread = false;
  /** Functions the top level calls. */
  private topCalls = new Set<FnDef>();
  /** Functions called by a call statement at the top level, outside any block. */
  private plainTopCalls = new Set<FnDef>();
  private plain = false;

  // --- Functions ---

  private genFunction(index: number): void {
    const rec = this.rng.chance(0.3);
    const arrow = this.rng.chance(0.25);
    const ret = this.rng.weighted<Ret>([
      [3, S],
      [3, N],
      [1.5, B],
      [2, "void"],
      [2, optOf(S)],
      [1, optOf(N)],
      [0.3, optOf(B)],
      [1, SA],
      [0.4, NA],
      [this.recs.length ? 1.5 : 0, this.recs.length ? recTy(this.rng.pick(this.recs)) : S],
    ]) as Ret;
    let name: string;
    do {
      name = this.rng.chance(0.25) ? this.rng.pick(HOSTILE_FNS) : `f${index + 1}`;
    } while (this.fnNames.has(name) || this.globalScope.vars.has(name) || this.globalScope.used.has(name));
    if (this.fnNames.has(name)) name = `f${index + 1}_`;
    const fn: FnDef = { name, params: [], ret, rec, cost: 0, pushes: false, index, isDie: false, callees: new Set() };
    this.fnNames.add(name);
    this.frame = {
      fn,
      outer: [this.globalScope],
      scopes: [],
      mult: 1,
      cost: 0,
      budget: rec ? REC_BUDGET : FN_BUDGET,
      targets: [],
      noPush: 0,
      inBody: false,
      selfCallUsed: false,
      selfMult: 1,
      depth: 0,
      pushes: false,
    };
    this.pushScope();
    // Parameters: required ones first, then optional / default ones, maybe a rest parameter.
    const nReq = this.rng.int(rec ? 1 : 0, 3);
    const nOpt = this.rng.int(0, 3);
    const rest = this.rng.chance(0.12);
    const paramTexts: string[] = [];
    for (let i = 0; i < nReq + nOpt; i++) {
      const isReq = i < nReq;
      const depth = rec && i === 0;
      const ty = depth
        ? N
        : (this.rng.weighted<Ty>([
            [5, S],
            [4, N],
            [2, B],
            [1.5, SA],
            [isReq ? 1.2 : 0, optOf(S)],
            [isReq ? 0.5 : 0, optOf(N)],
            [this.recs.length ? 1.5 : 0, this.recs.length ? recTy(this.rng.pick(this.recs)) : S],
          ]) as Ty);
      let mode: Param["mode"] = isReq ? "req" : this.rng.chance(0.5) ? "opt" : "def";
      if (ty.k === "R" && mode === "opt") mode = "def";
      // A default is generated before the name is chosen, so it cannot refer to its own parameter.
      const e = mode === "def" ? this.defaultExpr(ty) : undefined;
      const pname = this.newName(depth ? "d" : "p");
      let text: string;
      let visTy = ty;
      if (mode === "req") text = `${pname}: ${tyText(ty)}`;
      else if (mode === "opt") {
        text = `${pname}?: ${tyText(ty)}`;
        visTy = optOf(ty);
      } else {
        // mode === "def": defaultExpr always yields an expression.
        if (!e) throw new Error(`generator: default parameter ${pname} without a default`);
        text = `${pname}: ${tyText(ty)} = ${e.c}`;
        fn.params.push({ name: pname, ty, mode, def: e.c });
        this.declare(pname, ty, { mutable: this.rng.chance(0.3), b: capOf(ty) });
        paramTexts.push(text);
        continue;
      }
      fn.params.push({ name: pname, ty, mode });
      const pv = this.declare(pname, visTy, { mutable: !depth && this.rng.chance(0.3), b: capOf(ty), frozen: depth });
      if (depth) this.frame.depthVar = pv;
      paramTexts.push(text);
    }
    if (rest) {
      const pname = this.newName("rest");
      fn.params.push({ name: pname, ty: SA, mode: "rest" });
      this.declare(pname, SA, { mutable: false, b: ACAP });
      paramTexts.push(`...${pname}: string[]`);
    }
    const retText = ret === "void" || ret === "never" ? ret : tyText(ret);
    const header = arrow ? `const ${name} = (${paramTexts.join(", ")}): ${retText} => {` : `function ${name}(${paramTexts.join(", ")}): ${retText} {`;
    this.emit(header);
    this.ind++;
    if (rec) {
      const dv = this.frame.depthVar as Var;
      const base = ret === "void" ? "return;" : `return ${this.sink(ret as Ty, 1).c};`;
      const cmp = this.rng.pick([`${dv.name} <= 0`, `${dv.name} < 1`, `0 >= ${dv.name}`]);
      if (this.rng.chance(0.5)) this.emit(`if (${cmp}) ${base}`);
      else {
        this.emit(`if (${cmp}) {`);
        this.ind++;
        if (this.rng.chance(0.5)) this.logStmt(1);
        this.emit(base);
        this.ind--;
        this.emit("}");
      }
      this.use(dv);
    }
    this.frame.inBody = true;
    const n = this.rng.int(2, 4);
    let term = this.block(n);
    if (rec && !this.frame.selfCallUsed && !term) {
      // Make sure it recurses.
      if (ret === "void") {
        this.emit(`${this.call(fn, 2).c};`);
      } else if ((ret as Ty).opt || (ret as Ty).k === "R") {
        // (Not kept in a local: an unused optional or record local in a recursive function is a shellcheck finding.)
        this.emit(`${this.call(fn, 2).c};`);
      } else {
        const rt = ret as Ty;
        const e = this.call(fn, 2);
        const v = this.newName("sub");
        this.emit(`const ${v}: ${tyText(rt)} = ${e.c};`);
        const sv = this.declare(v, rt, { mutable: false, b: capOf(rt) });
        this.emit(`console.log(${this.use(sv)}${isArr(rt) ? ".length" : this.plain && rt.k === "s" ? ".length" : ""});`);
      }
    }
    if (!term && ret !== "void") {
      this.emit(`return ${this.sink(ret as Ty, 2).c};`);
      term = true;
    }
    this.ind--;
    this.emit(arrow ? "};" : "}");
    // A recursive function runs its body once per call of the tree its self-call makes.
    let calls = 1;
    for (let i = 1, m = 1; i <= DMAX; i++) calls += m *= this.frame.selfMult;
    fn.cost = Math.max(1, this.frame.cost) * (rec ? calls : 1);
    fn.pushes = this.frame.pushes;
    this.popScope();
    this.frame = this.topFrame();
    this.fns.push(fn);
  }

  private defaultExpr(t: Ty): E {
    // A record default is made by the caller (IS1044): literals only, no parameters, no calls.
    if (t.k === "R" && t.rec) return { c: this.literalRecord(t.rec), p: P.ATOM, b: 0 };
    return (
      this.tryAlts<E>([
        [3, () => (t.k === "s" ? strLit(this.rng.pick(STRINGS)) : t.k === "n" ? numLit(this.rng.pick(SMALL_NUMS)) : t.k === "b" ? { c: this.rng.chance(0.5) ? "true" : "false", p: P.ATOM, b: 0 } : undefined)],
        [3, () => this.sink(t, 2)],
        [1, () => (isArr(t) ? { c: "[]", p: P.ATOM, b: 0 } : undefined)],
      ]) ?? this.sink(t, 1)
    );
  }

  private genDie(): void {
    const name = this.rng.pick(DIE_NAMES);
    this.fnNames.add(name);
    const code = this.rng.int(1, 9);
    const fn: FnDef = { name, params: [{ name: "msg", ty: S, mode: "req" }], ret: "never", rec: false, cost: 1, pushes: false, index: -1, isDie: true, callees: new Set() };
    this.emit(`function ${name}(msg: string): never {`);
    this.emit(`  ${this.rng.chance(0.8) ? "console.error" : "console.log"}(msg);`);
    this.emit(`  process.exit(${code});`);
    this.emit("}");
    this.die = fn;
    this.fns.push(fn);
  }

  private genRecords(): void {
    const n = this.rng.weighted([
      [1, 0],
      [3, 1],
      [1.5, 2],
    ]) as number;
    for (let i = 0; i < n; i++) {
      const names = this.rng.shuffle([...FIELD_NAMES]).slice(0, this.rng.int(2, 4));
      const fields: RecField[] = names.map((name, j) => ({
        name,
        ty: this.rng.weighted<Ty>([
          [4, S],
          [3, N],
          [2, B],
          [1.5, SA],
          [0.5, NA],
        ]) as Ty,
        opt: j > 0 && this.rng.chance(0.45),
      }));
      const rec: RecDef = { name: this.rng.chance(0.5) ? `R${i}` : ["Entry", "Opts", "Item", "Conf"][i] ?? `R${i}`, fields };
      this.recs.push(rec);
      this.emit(`interface ${rec.name} {`);
      for (const f of fields) this.emit(`  ${f.name}${f.opt ? "?" : ""}: ${tyText(f.ty)};`);
      this.emit("}");
    }
  }

  /**
   * Calls every function nothing calls yet, at the end of the top level (or at its start when
   * it ends in exit): see AVOID.scUncalledFunctionHelpers.
   */
  private callTheRest(term: boolean, at: number, vars: Map<string, Var>): void {
    // Calls inside other functions or under conditions can be folded away by the compiler:
    // only a plain call statement at the top level counts.
    const rest = this.fns.filter((f) => !f.isDie && !this.plainTopCalls.has(f));
    if (!rest.length) return;
    const saved = this.globalScope.vars;
    const lines = this.lines;
    if (term) {
      this.globalScope.vars = vars;
      this.lines = [];
    }
    for (const f of rest) this.emit(`${this.call(f, 2).c};`);
    if (term) {
      lines.splice(at, 0, ...this.lines);
      this.lines = lines;
      this.globalScope.vars = saved;
    }
  }

  program(): string {
    this.emit(`// Random program, seed ${this.seed} (tests/differential/random-programs.ts).`);
    this.genRecords();
    // Some programs print only numbers, booleans and plain literals (and have no die(), which
    // prints its argument).
    this.plain = this.rng.chance(0.2);
    if (this.plain) this.emit("// Prints only numbers, booleans and plain text.");
    if (!this.plain && this.rng.chance(0.7)) this.genDie();
    // Globals.
    this.inGlobals = true;
    const nGlobals = this.rng.int(2, 5);
    for (let i = 0; i < nGlobals; i++) this.declStmt(1);
    this.inGlobals = false;
    for (const v of this.globalScope.vars.values()) v.global = true;
    // Functions.
    const nFns = this.rng.int(1, 4);
    for (let i = 0; i < nFns; i++) this.genFunction(i);
    // Main.
    const nMain = this.rng.int(6, 15);
    let term = false;
    const mainStart = this.lines.length;
    const mainVars = new Map(this.globalScope.vars);
    for (let i = 0; i < nMain && !term; i++) term = this.stmt();
    if (AVOID.scUncalledFunctionHelpers) this.callTheRest(term, mainStart, mainVars);
    if (AVOID.scSpreadWithoutPush && this.spread) {
      let n = "pushed";
      while (this.globalScope.vars.has(n) || this.globalScope.used.has(n) || this.fnNames.has(n)) n += "_";
      this.lines.splice(mainStart, 0, `const ${n}: number[] = [];`, `${n}.push(1);`, `console.log(${n}.length);`);
    }
    if (!term) {
      const gs = [...this.globalScope.vars.values()].filter(
        (v) => v.global && v.ty.k !== "R" && !isArr(v.ty) && this.lookup(v.name) === v && (!this.plain || ((v.ty.k === "n" || v.ty.k === "b") && !v.ty.opt)),
      );
      if (gs.length) this.emit(`console.log("globals:", ${gs.map((v) => this.use(v)).join(", ")});`);
      const arrs = [...this.globalScope.vars.values()].filter((v) => isArr(v.ty) && !v.ty.opt && this.lookup(v.name) === v);
      if (!this.plain) for (const a of arrs.slice(0, 2)) this.emit(`console.log(${this.use(a)}.join("|"));`);
      if (this.rng.chance(0.15)) this.emit(`process.exit(${this.rng.int(0, 5)});`);
    }
    return this.lines.join("\n") + "\n";
  }
}

/** The source text of the random program for `seed`. */
export function generateProgram(seed: number): string {
  return new Gen(seed).program();
}

/** Seeds from `INITSH_RANDOM_SEEDS` (`start..end`, `n`, or a comma list of those), else 1..40. */
export function seedsFrom(spec: string | undefined, fallback: [number, number] = [1, 40]): number[] {
  const seeds: number[] = [];
  const parts = spec && spec.trim() !== "" ? spec.split(",") : [`${fallback[0]}..${fallback[1]}`];
  for (const part of parts) {
    const m = /^\s*(\d+)\s*(?:\.\.\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new Error(`INITSH_RANDOM_SEEDS: cannot read "${part}" (write start..end, n, or a comma list)`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (let s = a; s <= b; s++) seeds.push(s);
  }
  return seeds;
}
