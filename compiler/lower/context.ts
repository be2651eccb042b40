import { ts } from "ts-morph";
import { diagnostics } from "../diagnostics/codes.ts";
import { unsupportedNode } from "../front/banned.ts";
import type { Visitors } from "./visitor.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import * as sh from "../sh/ast.ts";
import type { Command, Origin, Word } from "../sh/ast.ts";
import type { PrefixFact } from "./matches.ts";
import { NameAllocator } from "./names.ts";
import { narrowingMayBeStale, testedByNullish } from "./writes.ts";
import { classifyType, type RecordField, type Scalar, type ShType } from "./types.ts";
import { arithWord, boolVar, dependsOnState, hasEffect, lowered, readVar, type Lowered, type Val } from "./values.ts";
import { callSignatures, isUnionType, lineAndColumn, sourceFileOf, startOf, typeArgumentsOf } from "../ts/nodes.ts";
import type { ConfigValue } from "../front/variants.ts";

/** Thrown to abandon lowering a construct after its diagnostic has been recorded. */
export class LoweringAbort extends Error {}

export interface FunctionInfo {
  shName: string;
  node: ts.FunctionLikeDeclaration;
  params: ParamInfo[];
  returnType: ShType;
  /** Filled while the body is lowered. */
  scope?: FunctionScope;
  definition?: sh.FunctionDef;
}

/**
 * How an argument that may be undefined travels: "plain" when it cannot be undefined;
 * "empty" (the empty word means undefined) when its text is never empty — a number, a
 * boolean, an array id; "tagged" (`v` + the value when set, empty when undefined) for a
 * string, whose text can be empty.
 */
export type Passing = "plain" | "empty" | "tagged";

export interface ParamInfo {
  declaration: ts.ParameterDeclaration;
  type: ShType;
  /** How the argument shows `undefined`, when the parameter may be undefined (see Passing). */
  passing: Passing;
  /** `...rest`: receives a new array of the remaining arguments. */
  rest?: boolean;
}

export interface FunctionScope {
  info: FunctionInfo;
  /** Every variable the function's body assigns, for `local` if it turns out recursive. */
  locals: Set<string>;
  calls: Set<FunctionInfo>;
}

export type Binding =
  /** `shared`: other functions assign it, so TypeScript's narrowing of it cannot be trusted. */
  | { kind: "var"; name: string; type: ShType; scope: FunctionScope | undefined; shared?: boolean }
  | { kind: "record"; fields: Map<string, { name: string; type: RecordField["type"] }>; scope: FunctionScope | undefined }
  | { kind: "function"; info: FunctionInfo }
  /** A declaration already reported: uses of it are skipped rather than reported again. */
  | { kind: "broken" }
  /** A `const` with a literal value: every read is the literal itself (no variable). */
  | { kind: "constant"; val: Val }
  /** An array only pushed onto and joined: its joined text (see joined-arrays.ts). */
  | { kind: "joined"; name: string; separator: string }
  /** An array only walked and tested: the text it was split from (see split-arrays.ts). */
  | { kind: "split"; name: string; separator: string }
  /** A constant that computes the variants (`const base = { … }`): its value (see config.ts). */
  | { kind: "config"; value: ConfigValue }
  /** The variant's configuration, `const config = variant<Config>()`: read through slots (see config.ts). */
  | { kind: "variant" };

/** A loop or switch that `break`/`continue` can target, with the sh loop depth inside it. */
export interface JumpTarget {
  kind: "loop" | "switch";
  /** Number of sh loops enclosing the target's body (a simple `case` adds none). */
  shDepth: number;
  /** For a switch lowered to a plain `case`: breaks are dropped as clause ends. */
  plainCase?: boolean;
}

export class LowerContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly names = new NameAllocator();
  readonly helpers = new Set<string>();
  readonly temps = new Set<string>();
  readonly bindings = new Map<ts.Symbol, Binding>();
  /** Functions whose bodies are lowered, in the order they were lowered. */
  readonly functions: FunctionInfo[] = [];
  /** Every function met so far, by declaration ("broken" once its signature was reported). */
  readonly functionInfos = new Map<ts.Node, FunctionInfo | "broken">();
  /** Functions registered but not lowered yet. */
  readonly pendingFunctions: FunctionInfo[] = [];
  /** Functions the top level calls directly. */
  readonly topCalls = new Set<FunctionInfo>();
  scope: FunctionScope | undefined;
  /** The user's file; every other file is the boot library. */
  entryFile: ts.SourceFile | undefined;
  /** An init program (`export default function init(): never`): PID 1, which must never exit. */
  initMode = false;
  /** The slots that stand for the variant's configuration fields, by path (see config.ts). */
  readonly configSlots = new Map<string, { name: string; path: readonly string[] }>();
  /** Finds a function of the boot library by module and name (the compiler calls a few itself). */
  libraryFunction: (module: string, name: string) => ts.FunctionDeclaration | undefined = () => undefined;
  /** Commands for the top of the script: the boot library's module-level state. */
  readonly moduleState: Command[] = [];
  jumpTargets: JumpTarget[] = [];
  shLoopDepth = 0;
  /** What the enclosing `case` arms prove about prefixes (see matches.ts). */
  readonly prefixFacts: PrefixFact[] = [];
  /** symbolOf's answers, by node. */
  private readonly symbols = new Map<ts.Node, ts.Symbol | undefined>();
  private readonly types = new Map<ts.Node, ts.Type>();

  constructor(
    readonly checker: ts.TypeChecker,
    private readonly visitors: Visitors,
    private readonly libFileName: string,
  ) {}

  /** Whether a declaration comes from initsh's ambient lib (builtins are recognised by that). */
  isLibFile(file: ts.SourceFile): boolean {
    return file.fileName === this.libFileName;
  }

  /** Whether a declaration is one of the intrinsics in dsl/intrinsics.ts. */
  isIntrinsicsFile(file: ts.SourceFile): boolean {
    return file.fileName === this.libFileName.replace(/lib\.d\.ts$/, "intrinsics.ts");
  }

  /** Whether a declaration is dsl/variants.ts's (variant()). */
  isVariantsFile(file: ts.SourceFile): boolean {
    return file.fileName === this.libFileName.replace(/lib\.d\.ts$/, "variants.ts");
  }

  /** Whether a node is in the boot library rather than in the user's program. */
  inLibrary(node: ts.Node): boolean {
    return this.entryFile !== undefined && sourceFileOf(node) !== this.entryFile;
  }

  /** `init.ts:42`: a node's place as runtime messages name it (the file's base name and line). */
  location(node: ts.Node): string {
    const o = this.origin(node);
    return `${o.file.slice(o.file.lastIndexOf("/") + 1)}:${o.line}`;
  }



  // --- Dispatch ------------------------------------------------------------------------------

  /** Lowers an expression through the visitor registered for its syntax kind. */
  expr(node: ts.Expression): Lowered {
    const visit = this.visitors.expressions[node.kind];
    if (!visit) return this.fail(unsupportedNode(node));
    return visit(node, this);
  }

  /** Lowers a statement; a statement that fails to lower leaves its diagnostic and no commands. */
  stmt(node: ts.Statement): Command[] {
    const visit = this.visitors.statements[node.kind];
    try {
      if (!visit) return this.fail(unsupportedNode(node));
      return visit(node, this);
    } catch (error) {
      if (error instanceof LoweringAbort) return [];
      throw error;
    }
  }

  stmts(nodes: readonly ts.Statement[]): Command[] {
    return nodes.flatMap((n) => this.stmt(n));
  }

  // --- Diagnostics ---------------------------------------------------------------------------

  /** Records a diagnostic and abandons the construct being lowered. */
  fail(diagnostic: Diagnostic): never {
    this.diagnostics.push(diagnostic);
    throw new LoweringAbort();
  }

  /**
   * Reports a type with no sh form, with the most specific diagnostic: `any`, a function
   * value, an aggregate nested in an aggregate, or the general one.
   */
  failType(node: ts.Node, type: ts.Type = this.typeOf(node)): never {
    return this.fail(unrepresentable(node, type, this.checker));
  }

  origin(node: ts.Node): Origin {
    const source = sourceFileOf(node);
    return { file: source.fileName, line: lineAndColumn(source, startOf(node, source)).line + 1 };
  }

  /**
   * The binding of a symbol. A variable of the boot library's own module state is lowered on
   * first use, so only the state a program needs is emitted.
   */
  bindingOf(symbol: ts.Symbol): Binding | undefined {
    const known = this.bindings.get(symbol);
    if (known) return known;
    const decl = symbol.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || !this.inLibrary(decl) || !this.declareModuleVariable) return undefined;
    const saved = { scope: this.scope, depth: this.shLoopDepth, jumps: this.jumpTargets };
    this.scope = undefined;
    this.shLoopDepth = 0;
    this.jumpTargets = [];
    try {
      this.moduleState.push(...this.declareModuleVariable(decl));
    } finally {
      this.scope = saved.scope;
      this.shLoopDepth = saved.depth;
      this.jumpTargets = saved.jumps;
    }
    return this.bindings.get(symbol);
  }

  /** Lowers a module-level declaration of the boot library (set by the statement visitors). */
  declareModuleVariable: ((decl: ts.VariableDeclaration) => Command[]) | undefined;

  // --- Types and names -----------------------------------------------------------------------

  /** Memoised: the checker checks an expression anew on each call (a fifth of the calls repeat one). */
  typeOf(node: ts.Node): ts.Type {
    let type = this.types.get(node);
    if (type === undefined) this.types.set(node, (type = this.checker.getTypeAtLocation(node)));
    return type;
  }

  /** The sh representation of a node's type; undefined when it has none. */
  shTypeOf(node: ts.Node): ShType | undefined {
    return classifyType(this.typeOf(node), this.checker);
  }

  /** The symbol a node names (through an import alias). Memoised: the checker resolves the name anew on each call. */
  symbolOf(node: ts.Node): ts.Symbol | undefined {
    if (this.symbols.has(node)) return this.symbols.get(node);
    let symbol = this.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    this.symbols.set(node, symbol);
    return symbol;
  }

  /** A variable for a TypeScript binding, declared local to the current function. */
  newVariable(base: string): string {
    const name = this.names.variable(base);
    this.scope?.locals.add(name);
    return name;
  }

  newTemp(): string {
    const name = this.names.temp();
    this.temps.add(name);
    this.scope?.locals.add(name);
    return name;
  }

  useHelper(name: string): string {
    this.helpers.add(name);
    return name;
  }

  /** `helper args…` followed by reading its result register as a value of `kind`. */
  callHelper(name: string, args: Word[], kind: Scalar | "array" | "optional-string"): Lowered {
    const call = sh.command(this.useHelper(name), ...args);
    if (kind === "array") return lowered({ kind: "array", word: sh.word(sh.param("__r")) }, [call]);
    if (kind === "optional-string") return lowered({ kind: "optional", name: "__r", inner: "string" }, [call]);
    if (kind === "boolean") return lowered({ kind: "boolean", cond: call, effect: true });
    return lowered(readVar("__r", kind), [call]);
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
        if (v.inner === "array") return this.fail(diagnosticsUnprintable(node));
        return { ...l, word: sh.word(sh.param(v.name, { kind: "default", colon: false, word: sh.word("undefined") })) };
      case "undefined":
      case "void":
        return { ...l, word: sh.word("undefined") };
      default:
        return this.fail(diagnosticsUnprintable(node));
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
    const temp = this.newTemp();
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
        laterEffects && (dependsOnState(item.val, this.temps) || (item.val.kind === "boolean" && !!item.val.effect));
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
    const here = this.shTypeOf(node);
    // Typed `never` (narrowed away: dead code to TypeScript, not always to sh), it is read as declared.
    const optionalHere = here && here.kind !== "undefined" && here.kind !== "never" ? "optional" in here && here.optional : true;
    // TypeScript's narrowing to `undefined` is trusted only where it is sound. A variable
    // functions assign may be set although TypeScript still types it `undefined` (it does not
    // follow calls), and one a `??` tests may be `false`, `0` or "" (see testedByNullish):
    // those are read, not assumed.
    if (here?.kind === "undefined" && !binding.shared && !testedByNullish(node, this)) return { kind: "undefined" };
    if (type.optional && optionalHere) return { kind: "optional", name: binding.name, inner: type.kind };
    if (type.optional && binding.shared && ts.isIdentifier(node)) {
      const symbol = this.symbolOf(node);
      if (symbol && narrowingMayBeStale(node, symbol, this)) this.fail(diagnostics.staleNarrowing(node, node.text));
    }
    return readVar(binding.name, type.kind);
  }
}

function unrepresentable(node: ts.Node, type: ts.Type, checker: ts.TypeChecker): Diagnostic {
  const parts = isUnionType(type) ? type.types : [type];
  if (parts.some((t) => t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) return diagnostics.anyType(node);
  if (parts.some((t) => callSignatures(t, checker).length > 0)) return diagnostics.functionValue(node);
  for (const t of parts) {
    if (t.flags & ts.TypeFlags.Object && !checker.isArrayType(t) && checker.getPropertiesOfType(t).some((p) => callSignatures(checker.getTypeOfSymbol(p), checker).length > 0)) {
      return diagnostics.functionValue(node);
    }
  }
  const isAggregate = (t: ts.Type) => {
    const c = classifyType(t, checker);
    return (c?.kind === "array" || c?.kind === "record") || checker.isArrayType(t) || (t.flags & ts.TypeFlags.Object) !== 0;
  };
  for (const t of parts) {
    if (checker.isArrayType(t)) {
      const element = typeArgumentsOf(t, checker)?.[0];
      if (element && isAggregate(element)) return diagnostics.nestedAggregate(node);
    } else if (t.flags & ts.TypeFlags.Object && callSignatures(t, checker).length === 0) {
      // Arrays may be fields of records; records may not.
      const isRecord = (x: ts.Type) => isAggregate(x) && !checker.isArrayType(x);
      if (checker.getPropertiesOfType(t).some((p) => isRecord(checker.getTypeOfSymbol(p)))) return diagnostics.nestedAggregate(node);
    }
  }
  return diagnostics.unrepresentableType(node, checker.typeToString(type));
}

const diagnosticsUnprintable = (node: ts.Node) =>
  diagnostics.unsupportedMember(node, "Converting an array or record to text (join an array, or print the fields)");
