import type { Word } from "./ast.ts";
import { param, word } from "./ast.ts";

/**
 * The names the compiler and the runtime helpers share. Every name starting with `__` is
 * theirs (the lowering renames a user's `__x`): the result registers, the call-site register,
 * the helpers' own state, and the configuration slots of a source with variants.
 */

/** A name reserved for the compiler and the runtime helpers. */
export const isReserved = (name: string): boolean => name.startsWith("__");

/** The result register: a function's or helper's result (an array's id, text, a number; unset for undefined). */
export const RESULT = "__r";
/** The register of a record result's field. */
export const resultField = (field: string): string => `${RESULT}_${field.replace(/[^A-Za-z0-9_]/g, "_")}`;
/** The result register or one of its fields: what the next call may overwrite. */
export const isResultRegister = (name: string): boolean => name === RESULT || name.startsWith(`${RESULT}_`);
/** `$__r`. */
export const resultWord = (): Word => word(param(RESULT));

/** The call-site register: the user's source line a boot library call came from (`init.ts:42`), for its messages. */
export const LOCATION = "__loc";

/** A configuration slot of a source with variants (`$__cfg3`): each variant's value replaces it (passes/specialize.ts). */
export const CONFIG_SLOT_PREFIX = "__cfg";
export const isConfigSlot = (name: string): boolean => name.startsWith(CONFIG_SLOT_PREFIX);
/** `__cfgarray SLOT`: the command that makes a configuration's array, the variant's `__alist e1 e2 …`. */
export const ARRAY_PLACEHOLDER = "__cfgarray";
