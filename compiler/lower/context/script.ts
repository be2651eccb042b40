import type { ts } from "ts-morph";
import type * as sh from "../../sh/ast.ts";
import type { Command } from "../../sh/ast.ts";
import type { ShType } from "../analyses/types.ts";
import { NameAllocator } from "./names.ts";

/**
 * What the lowering has made so far for the whole script: its names, the functions it met
 * (and which of them are still to be lowered), the runtime helpers and the boot library's
 * module state it uses, and the configuration slots of a source with variants.
 */
export class Script {
  readonly names = new NameAllocator();
  /** Variables that never change once set (temporaries, slots): reading one later gives the same value. */
  readonly temps = new Set<string>();
  /** The runtime helpers the script calls (compiler/runtime). */
  readonly helpers = new Set<string>();
  /** Functions whose bodies are lowered, in the order they were lowered. */
  readonly functions: FunctionInfo[] = [];
  /** Every function met so far, by declaration ("broken" once its signature was reported). */
  readonly functionInfos = new Map<ts.Node, FunctionInfo | "broken">();
  /** Functions registered but not lowered yet. */
  readonly pendingFunctions: FunctionInfo[] = [];
  /** Functions the top level calls directly. */
  readonly topCalls = new Set<FunctionInfo>();
  /** Commands for the top of the script: the boot library's module-level state. */
  readonly moduleState: Command[] = [];
  /** The slots that stand for the variant's configuration fields, by path (see visitors/config.ts). */
  readonly configSlots = new Map<string, { name: string; path: readonly string[] }>();
  /** An init program (`export default function init(): never`): PID 1, which must never exit. */
  initMode = false;

  constructor(
    /** Finds a function of the boot library by module and name (the compiler calls a few itself). */
    readonly libraryFunction: (module: string, name: string) => ts.FunctionDeclaration | undefined = () => undefined,
  ) {}

  /** A variable for a TypeScript binding, declared local to `scope`'s function. */
  newVariable(base: string, scope: FunctionScope | undefined): string {
    const name = this.names.variable(base);
    scope?.locals.add(name);
    return name;
  }

  /** A fresh temporary, local to `scope`'s function. */
  newTemp(scope: FunctionScope | undefined): string {
    const name = this.names.temp();
    this.temps.add(name);
    scope?.locals.add(name);
    return name;
  }

  /** Notes that the script calls a runtime helper; returns its name. */
  useHelper(name: string): string {
    this.helpers.add(name);
    return name;
  }
}

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
