import { ts } from "ts-morph";

/** The sh representation a TypeScript type maps to. */
export type Scalar = "string" | "number" | "boolean";
export type ShType =
  | { kind: Scalar; optional: boolean }
  | { kind: "array"; element: Scalar }
  | { kind: "record"; fields: RecordField[] }
  | { kind: "void" }
  | { kind: "never" }
  | { kind: "undefined" };
export interface RecordField {
  name: string;
  type: { kind: Scalar; optional: boolean };
}

/** Maps a checker type to its sh representation, or undefined when there is none. */
export function classifyType(type: ts.Type, checker: ts.TypeChecker): ShType | undefined {
  const flags = type.getFlags();
  if (flags & ts.TypeFlags.Never) return { kind: "never" };
  if (flags & (ts.TypeFlags.Void)) return { kind: "void" };
  if (flags & ts.TypeFlags.Undefined) return { kind: "undefined" };
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Null | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.BigIntLike)) {
    return undefined;
  }
  const scalar = scalarOf(type);
  if (scalar) return { kind: scalar, optional: false };
  if (type.isUnion()) {
    const defined = type.types.filter((t) => !(t.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const kinds = new Set(defined.map(scalarOf));
    if (kinds.size !== 1 || kinds.has(undefined)) return undefined;
    return { kind: [...kinds][0]!, optional: defined.length < type.types.length };
  }
  if (checker.isArrayType(type) || isReadonlyArray(type)) {
    const element = (type as ts.TypeReference).typeArguments?.[0];
    const elementScalar = element && scalarOf(element);
    return elementScalar ? { kind: "array", element: elementScalar } : undefined;
  }
  if (flags & ts.TypeFlags.Object && type.getCallSignatures().length === 0 && !checker.isTupleType(type)) {
    const fields: RecordField[] = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (!decl) return undefined;
      const fieldType = classifyType(checker.getTypeOfSymbol(prop), checker);
      if (!fieldType || (fieldType.kind !== "string" && fieldType.kind !== "number" && fieldType.kind !== "boolean")) {
        return undefined;
      }
      fields.push({ name: prop.getName(), type: fieldType });
    }
    return { kind: "record", fields };
  }
  return undefined;
}

function scalarOf(type: ts.Type): Scalar | undefined {
  const flags = type.getFlags();
  if (flags & ts.TypeFlags.StringLike) return "string";
  if (flags & ts.TypeFlags.NumberLike) return "number";
  if (flags & ts.TypeFlags.BooleanLike) return "boolean";
  // `boolean` itself is the union `true | false`; a union of string literals is a string.
  if (type.isUnion()) {
    const kinds = new Set(type.types.map(scalarOf));
    if (kinds.size === 1 && !kinds.has(undefined)) return [...kinds][0];
  }
  return undefined;
}

function isReadonlyArray(type: ts.Type): boolean {
  return type.getSymbol()?.getName() === "ReadonlyArray";
}

export const isScalar = (t: ShType): t is { kind: Scalar; optional: boolean } =>
  t.kind === "string" || t.kind === "number" || t.kind === "boolean";
