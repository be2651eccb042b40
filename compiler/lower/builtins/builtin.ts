import type { ts } from "ts-morph";
import type { LowerContext } from "../context/context.ts";
import type { Lowered } from "../context/values.ts";

/**
 * Lowers a call to a function or method declared in initsh's ambient lib. Keys are
 * `Interface.member` (`String.slice`), `Interface()` for call signatures (`StringConstructor()`)
 * or a bare function name (`parseInt`), taken from the declaration the call resolves to.
 */
export type BuiltinLowering = (call: ts.CallExpression, ctx: LowerContext, receiver: ts.Expression | undefined) => Lowered;
export type Builtins = Record<string, BuiltinLowering>;
