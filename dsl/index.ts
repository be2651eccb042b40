/**
 * The language surface below the boot library: intrinsics the compiler lowers itself and the
 * types the library and user code share. Users import all of it from "initsh"
 * (stdlib/index.ts re-exports this module).
 *
 * @module
 */
export * from "./intrinsics.ts";
export * from "./types.ts";
export * from "./variants.ts";
