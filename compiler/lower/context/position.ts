import type { ts } from "ts-morph";
import type { Word } from "../../sh/ast.ts";
import type { LengthForm } from "../analyses/matches.ts";
import type { FunctionScope } from "./script.ts";

/** A loop or switch that `break`/`continue` can target, with the sh loop depth inside it. */
export interface JumpTarget {
  kind: "loop" | "switch";
  /** Number of sh loops enclosing the target's body (a simple `case` adds none). */
  shDepth: number;
  /** For a switch lowered to a plain `case`: breaks are dropped as clause ends. */
  plainCase?: boolean;
}

/**
 * Inside an arm for `name.startsWith(prefix)`: name begins with prefix, whose length is
 * `length`. Holds while the arm runs, as neither name nor any variable in prefix is ever
 * assigned after its declaration (see visitors/matches.ts).
 */
export interface PrefixFact {
  subject: ts.Symbol;
  name: string;
  prefix: Word;
  length: LengthForm;
  scope: FunctionScope | undefined;
}

/**
 * Where the lowering is: in which function (undefined at the top level), inside which loops
 * and switches, and under which facts the enclosing `case` arms prove.
 */
export class Position {
  scope: FunctionScope | undefined;
  jumpTargets: JumpTarget[] = [];
  shLoopDepth = 0;
  readonly prefixFacts: PrefixFact[] = [];

  /** Runs `lower` at the start of a function body (or, for `undefined`, at the top level), then comes back. */
  within<T>(scope: FunctionScope | undefined, lower: () => T): T {
    const saved = { scope: this.scope, jumps: this.jumpTargets, depth: this.shLoopDepth };
    this.scope = scope;
    this.jumpTargets = [];
    this.shLoopDepth = 0;
    try {
      return lower();
    } finally {
      this.scope = saved.scope;
      this.jumpTargets = saved.jumps;
      this.shLoopDepth = saved.depth;
    }
  }
}
