import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { callSignatures, isUnionType, typeArgumentsOf } from "../../ts/nodes.ts";
import type { TypeFacts } from "../analyses/facts.ts";
import { classifyType } from "../analyses/types.ts";

/** Thrown to abandon lowering a construct after its diagnostic has been recorded. */
export class LoweringAbort extends Error {}

/** The diagnostics of one lowering. A construct that cannot be lowered is reported, then abandoned. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly facts: TypeFacts) {}

  /** Records a diagnostic and abandons the construct being lowered. */
  fail(diagnostic: Diagnostic): never {
    this.diagnostics.push(diagnostic);
    throw new LoweringAbort();
  }

  /**
   * Reports a type with no sh form, with the most specific diagnostic: `any`, a function
   * value, an aggregate nested in an aggregate, or the general one.
   */
  failType(node: ts.Node, type: ts.Type = this.facts.typeOf(node)): never {
    return this.fail(unrepresentable(node, type, this.facts.checker));
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

