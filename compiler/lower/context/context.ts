import { ts } from "ts-morph";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { unsupportedNode } from "../../front/banned.ts";
import type { Command, Origin, Word } from "../../sh/ast.ts";
import type { TypeFacts } from "../analyses/facts.ts";
import type { Scalar, ShType } from "../analyses/types.ts";
import { Bindings, type Binding } from "./bindings.ts";
import { Conversions } from "./conversions.ts";
import { Position } from "./position.ts";
import { LoweringAbort, Reporter } from "./report.ts";
import { Script } from "./script.ts";
import type { Lowered, Val } from "./values.ts";

export type { Binding } from "./bindings.ts";
export type { JumpTarget, PrefixFact } from "./position.ts";
export { LoweringAbort } from "./report.ts";
export type { FunctionInfo, FunctionScope, ParamInfo, Passing } from "./script.ts";

/** Lowers one kind of expression to a value and the commands that compute it. */
export type ExpressionVisitor = (node: ts.Expression, ctx: LowerContext) => Lowered;
/** Lowers one kind of statement (or a variable declaration: see LowerContext.bindingOf) to commands. */
export type StatementVisitor = (node: ts.Node, ctx: LowerContext) => Command[];

export type ExpressionVisitors = Partial<Record<ts.SyntaxKind, ExpressionVisitor>>;
export type StatementVisitors = Partial<Record<ts.SyntaxKind, StatementVisitor>>;

/** The registry (lower/index.ts): every visitor, keyed by the syntax kind it lowers. */
export interface Visitors {
  expressions: ExpressionVisitors;
  statements: StatementVisitors;
}

/**
 * What a visitor is given: the registry's dispatch (`expr`, `stmt`) and the parts of one
 * lowering, each owning its own state — the checker's answers (`facts`), the diagnostics
 * (`report`), what the script holds so far (`script`), where the lowering is (`position`),
 * what each name stands for (`bindings`) and the value conversions (`values`). The short
 * methods below forward to the part that does the work; they are what nearly every visitor
 * calls.
 */
export class LowerContext {
  readonly report: Reporter;
  readonly script: Script;
  readonly position = new Position();
  readonly bindings = new Bindings();
  readonly values: Conversions;

  constructor(
    readonly facts: TypeFacts,
    private readonly visitors: Visitors,
    libraryFunction?: (module: string, name: string) => ts.FunctionDeclaration | undefined,
  ) {
    this.report = new Reporter(facts);
    this.script = new Script(libraryFunction);
    this.values = new Conversions(facts, this.report, this.script, this.position);
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

  /**
   * The binding of a symbol. A variable of the boot library's own module state is lowered on
   * first use, through the registry's visitor for variable declarations, so only the state a
   * program needs is emitted.
   */
  bindingOf(symbol: ts.Symbol): Binding | undefined {
    const known = this.bindings.get(symbol);
    if (known) return known;
    const decl = symbol.valueDeclaration;
    const declare = this.visitors.statements[ts.SyntaxKind.VariableDeclaration];
    if (!decl || !ts.isVariableDeclaration(decl) || !this.facts.inLibrary(decl) || !declare) return undefined;
    this.script.moduleState.push(...this.position.within(undefined, () => declare(decl, this)));
    return this.bindings.get(symbol);
  }

  // --- Shorthands for the parts ----------------------------------------------------------------

  get checker(): ts.TypeChecker {
    return this.facts.checker;
  }
  get diagnostics(): Diagnostic[] {
    return this.report.diagnostics;
  }
  typeOf(node: ts.Node): ts.Type {
    return this.facts.typeOf(node);
  }
  shTypeOf(node: ts.Node): ShType | undefined {
    return this.facts.shTypeOf(node);
  }
  symbolOf(node: ts.Node): ts.Symbol | undefined {
    return this.facts.symbolOf(node);
  }
  origin(node: ts.Node): Origin {
    return this.facts.origin(node);
  }
  location(node: ts.Node): string {
    return this.facts.location(node);
  }
  inLibrary(node: ts.Node): boolean {
    return this.facts.inLibrary(node);
  }
  fail(diagnostic: Diagnostic): never {
    return this.report.fail(diagnostic);
  }
  failType(node: ts.Node, type?: ts.Type): never {
    return this.report.failType(node, type);
  }
  /** A variable for a TypeScript binding, declared local to the current function. */
  newVariable(base: string): string {
    return this.script.newVariable(base, this.position.scope);
  }
  newTemp(): string {
    return this.script.newTemp(this.position.scope);
  }
  useHelper(name: string): string {
    return this.script.useHelper(name);
  }
  callHelper(name: string, args: Word[], kind: Scalar | "array" | "optional-string"): Lowered {
    return this.values.callHelper(name, args, kind);
  }
  toWord(l: Lowered, node: ts.Node): Lowered<Val> & { word: Word } {
    return this.values.toWord(l, node);
  }
  toCond(l: Lowered): { pre: Command[]; cond: Command } {
    return this.values.toCond(l);
  }
  store(name: string, l: Lowered, origin?: Origin): Command[] {
    return this.values.store(name, l, origin);
  }
  freeze(l: Lowered): Lowered {
    return this.values.freeze(l);
  }
  sequence(items: Lowered[]): { pre: Command[]; vals: Val[] } {
    return this.values.sequence(items);
  }
  readBinding(binding: Binding, node: ts.Node): Val {
    return this.values.readBinding(binding, node);
  }
}
