import { ts } from "ts-morph";
import type { Origin } from "../../sh/ast.ts";
import { lineAndColumn, sourceFileOf, startOf } from "../../ts/nodes.ts";
import { classifyType, type ShType } from "./types.ts";

/**
 * What the analyses ask of the type checker, with its answers kept: the checker resolves a
 * name or types an expression anew on every call, and the lowering asks about the same nodes
 * again and again. Also which file a declaration comes from (the user's program, initsh's lib,
 * the intrinsics, the boot library), and where a node is, as runtime messages name it.
 */
export class TypeFacts {
  private readonly symbols = new Map<ts.Node, ts.Symbol | undefined>();
  private readonly types = new Map<ts.Node, ts.Type>();

  constructor(
    readonly checker: ts.TypeChecker,
    /** dsl/lib.d.ts: builtins are recognised by the declarations in it (and in dsl/intrinsics.ts). */
    private readonly libFileName: string,
    /** The user's file; every other file is the boot library. */
    readonly entryFile?: ts.SourceFile,
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

  origin(node: ts.Node): Origin {
    const source = sourceFileOf(node);
    return { file: source.fileName, line: lineAndColumn(source, startOf(node, source)).line + 1 };
  }

  /** `init.ts:42`: a node's place as runtime messages name it (the file's base name and line). */
  location(node: ts.Node): string {
    const o = this.origin(node);
    return `${o.file.slice(o.file.lastIndexOf("/") + 1)}:${o.line}`;
  }

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
}
