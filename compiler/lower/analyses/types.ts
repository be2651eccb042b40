import { ts } from "ts-morph";
import { callSignatures, isUnionType, typeArgumentsOf } from "../../ts/nodes.ts";

/** The sh representation a TypeScript type maps to. */
export type Scalar = "string" | "number" | "boolean";
export type ShType =
  | { kind: Scalar; optional: boolean }
  /** An array reference; `optional` when it may be undefined (an unset variable). */
  | { kind: "array"; element: Scalar; optional: boolean }
  | { kind: "record"; fields: RecordField[] }
  | { kind: "void" }
  | { kind: "never" }
  | { kind: "undefined" };
export type FieldType = { kind: Scalar; optional: boolean } | { kind: "array"; element: Scalar; optional: boolean };
export interface RecordField {
  name: string;
  type: FieldType;
}

/** Maps a checker type to its sh representation, or undefined when there is none. */
export function classifyType(type: ts.Type, checker: ts.TypeChecker): ShType | undefined {
  const flags = type.flags;
  if (flags & ts.TypeFlags.Never) return { kind: "never" };
  if (flags & (ts.TypeFlags.Void)) return { kind: "void" };
  if (flags & ts.TypeFlags.Undefined) return { kind: "undefined" };
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Null | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.BigIntLike)) {
    return undefined;
  }
  const scalar = scalarOf(type);
  if (scalar) return { kind: scalar, optional: false };
  const element = arrayElement(type, checker);
  if (element) return { kind: "array", element, optional: false };
  if (isUnionType(type)) {
    const defined = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const optional = defined.length < type.types.length;
    const kinds = new Set(defined.map(scalarOf));
    if (kinds.size === 1 && !kinds.has(undefined)) return { kind: [...kinds][0]!, optional };
    const elements = new Set(defined.map((t) => arrayElement(t, checker)));
    if (elements.size === 1 && !elements.has(undefined)) return { kind: "array", element: [...elements][0]!, optional };
    // A union of record types (a discriminated union) is one record with every field of
    // every member; a field some member lacks is undefined there.
    if (!optional && defined.every((t) => isRecordType(t, checker))) return mergedRecord(defined, checker);
    return undefined;
  }
  if (isRecordType(type, checker)) return mergedRecord([type], checker);
  return undefined;
}

function isRecordType(type: ts.Type, checker: ts.TypeChecker): boolean {
  return (
    (type.flags & ts.TypeFlags.Object) !== 0 &&
    callSignatures(type, checker).length === 0 &&
    !checker.isTupleType(type) &&
    arrayElement(type, checker) === undefined &&
    !checker.isArrayType(type)
  );
}

function arrayElement(type: ts.Type, checker: ts.TypeChecker): Scalar | undefined {
  if (!checker.isArrayType(type) && !isReadonlyArray(type)) return undefined;
  const element = typeArgumentsOf(type, checker)?.[0];
  return element && scalarOf(element);
}

function mergedRecord(members: readonly ts.Type[], checker: ts.TypeChecker): ShType | undefined {
  const fields = new Map<string, FieldType>();
  const names = new Set(members.flatMap((m) => checker.getPropertiesOfType(m).map((p) => ts.symbolName(p))));
  for (const name of names) {
    let merged: FieldType | undefined;
    let missing = false;
    for (const member of members) {
      const prop = checker.getPropertyOfType(member, name);
      if (!prop) {
        missing = true;
        continue;
      }
      const t = classifyType(checker.getTypeOfSymbol(prop), checker);
      if (!t || (t.kind !== "string" && t.kind !== "number" && t.kind !== "boolean" && t.kind !== "array")) return undefined;
      const field: FieldType = t.kind === "array" ? { kind: "array", element: t.element, optional: t.optional } : { kind: t.kind, optional: t.optional };
      if (merged && (merged.kind !== field.kind || (merged.kind === "array" && field.kind === "array" && merged.element !== field.element))) return undefined;
      merged = merged ? { ...field, optional: merged.optional || field.optional } : field;
    }
    if (!merged) return undefined;
    fields.set(name, missing ? { ...merged, optional: true } : merged);
  }
  return { kind: "record", fields: [...fields].map(([name, type]) => ({ name, type })) };
}

function scalarOf(type: ts.Type): Scalar | undefined {
  const flags = type.flags;
  if (flags & ts.TypeFlags.StringLike) return "string";
  if (flags & ts.TypeFlags.NumberLike) return "number";
  if (flags & ts.TypeFlags.BooleanLike) return "boolean";
  // `boolean` itself is the union `true | false`; a union of string literals is a string.
  if (isUnionType(type)) {
    const kinds = new Set(type.types.map(scalarOf));
    if (kinds.size === 1 && !kinds.has(undefined)) return [...kinds][0];
  }
  return undefined;
}

function isReadonlyArray(type: ts.Type): boolean {
  return type.symbol !== undefined && ts.symbolName(type.symbol) === "ReadonlyArray";
}

export const isScalar = (t: ShType | FieldType): t is { kind: Scalar; optional: boolean } =>
  t.kind === "string" || t.kind === "number" || t.kind === "boolean";
