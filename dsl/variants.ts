/**
 * Variants: one source, several inits. A source lists its variants, each a configuration of
 * the same typed shape, and reads the one being built with `variant()`; every field is a
 * compile-time constant, so code for features a variant turns off is not in its script.
 *
 * @module
 */

/**
 * The variants a source builds, by name (the name goes into file names: letters, digits,
 * `.`, `_` and `-`). Write `export const variants = { … } satisfies Variants<Config>;` so the
 * type checker holds every variant to the whole `Config`: a missing or unknown field is an
 * error in your editor. Values may be computed — spreads of a base configuration, small
 * functions of the same file — as long as they need nothing of initsh's: they are evaluated
 * when the script is compiled.
 *
 * @example
 * interface Config { luks: boolean; modules: string[] }
 * const base: Config = { luks: false, modules: [] };
 * export const variants = {
 *   plain: base,
 *   laptop: { ...base, luks: true, modules: ["nvme"] },
 * } satisfies Variants<Config>;
 */
export type Variants<Config> = Record<string, Config>;

/**
 * A configuration as `variant()` gives it: read-only all the way down, because it is a
 * constant of the compiled script (a field cannot be assigned, an array cannot be pushed to).
 */
export type Constant<T> = T extends readonly (infer E)[] ? readonly Constant<E>[] : T extends object ? { readonly [K in keyof T]: Constant<T[K]> } : T;

/**
 * The configuration of the variant being built (`initsh build init.ts --variant laptop`, or
 * each one with `--all-variants`). Every field is a constant the compiler folds: `if
 * (config.luks) …` keeps its branch in the variants that set `luks` and leaves no trace of it
 * in the others. Read it once, at the top level: `const config = variant<Config>();`.
 */
export declare function variant<Config>(): Constant<Config>;
