import type { ts } from "ts-morph";
import type { ConfigValue } from "../../front/variants.ts";
import type { RecordField, ShType } from "../analyses/types.ts";
import type { FunctionInfo, FunctionScope } from "./script.ts";
import type { Val } from "./values.ts";

/** What a TypeScript name stands for in the script. */
export type Binding =
  /** `shared`: other functions assign it, so TypeScript's narrowing of it cannot be trusted. */
  | { kind: "var"; name: string; type: ShType; scope: FunctionScope | undefined; shared?: boolean }
  | { kind: "record"; fields: Map<string, { name: string; type: RecordField["type"] }>; scope: FunctionScope | undefined }
  | { kind: "function"; info: FunctionInfo }
  /** A declaration already reported: uses of it are skipped rather than reported again. */
  | { kind: "broken" }
  /** A `const` with a literal value: every read is the literal itself (no variable). */
  | { kind: "constant"; val: Val }
  /** An array only pushed onto and joined: its joined text (see analyses/joined-arrays.ts). */
  | { kind: "joined"; name: string; separator: string }
  /** An array only walked and tested: the text it was split from (see analyses/split-arrays.ts). */
  | { kind: "split"; name: string; separator: string }
  /** A constant that computes the variants (`const base = { … }`): its value (see visitors/config.ts). */
  | { kind: "config"; value: ConfigValue }
  /** The variant's configuration, `const config = variant<Config>()`: read through slots (see visitors/config.ts). */
  | { kind: "variant" };


/** The binding of each symbol the lowering has met. */
export class Bindings extends Map<ts.Symbol, Binding> {}
