/// <reference no-default-lib="true"/>
/**
 * initsh's ambient library. It declares only what the compiler lowers to POSIX sh, so a
 * method that cannot run at boot is a type error in the editor rather than a surprise at
 * compile time. Programs are checked against this file instead of TypeScript's `lib.*.d.ts`.
 *
 * Numbers are integers (the shell's `$(( ))` arithmetic); strings are byte strings.
 */

// --- Types the TypeScript checker requires to exist --------------------------------------

interface Object {}
interface Function {}
interface CallableFunction extends Function {}
interface NewableFunction extends Function {}
interface IArguments {}
/** Regular expressions are not supported: use `includes`, `startsWith`, `endsWith`, `split`. */
interface RegExp {}
interface Boolean {}
interface TemplateStringsArray extends ReadonlyArray<string> {
  readonly raw: readonly string[];
}
interface PromiseLike<T> {}
interface Promise<T> {}

interface SymbolConstructor {
  readonly iterator: unique symbol;
}
declare var Symbol: SymbolConstructor;
interface Symbol {}

interface IteratorResult<T> {
  done?: boolean;
  value: T;
}
interface Iterator<T> {
  next(): IteratorResult<T>;
}
interface IterableIterator<T> extends Iterator<T> {
  [Symbol.iterator](): IterableIterator<T>;
}
interface Iterable<T> {
  [Symbol.iterator](): Iterator<T>;
}
interface ArrayIterator<T> extends IterableIterator<T> {}

// Utility types are pure type-level code: they never reach the shell.
type Partial<T> = { [P in keyof T]?: T[P] };
type Required<T> = { [P in keyof T]-?: T[P] };
type Readonly<T> = { readonly [P in keyof T]: T[P] };
type Pick<T, K extends keyof T> = { [P in K]: T[P] };
type Record<K extends keyof any, T> = { [P in K]: T };
type Exclude<T, U> = T extends U ? never : T;
type Extract<T, U> = T extends U ? T : never;
type Omit<T, K extends keyof any> = Pick<T, Exclude<keyof T, K>>;
type NonNullable<T> = T & {};
type ReturnType<T extends (...args: any) => any> = T extends (...args: any) => infer R ? R : any;
type Parameters<T extends (...args: any) => any> = T extends (...args: infer P) => any ? P : never;

// --- Numbers -------------------------------------------------------------------------------

/** An integer. Arithmetic is the shell's; `/` is not available: use `Math.floor(a / b)`. */
interface Number {}

interface Math {
  /** `Math.floor(a / b)`: integer division rounding toward negative infinity. */
  floor(x: number): number;
  /** `Math.trunc(a / b)`: integer division rounding toward zero (the shell's own). */
  trunc(x: number): number;
}
declare var Math: Math;

// --- Strings -------------------------------------------------------------------------------

/** A byte string. Indices and lengths count bytes. */
interface String {
  /** Number of bytes in the string. */
  readonly length: number;
  /** Whether the string begins with `searchString`. */
  startsWith(searchString: string): boolean;
  /** Whether the string ends with `searchString`. */
  endsWith(searchString: string): boolean;
  /** Whether `searchString` occurs anywhere in the string. */
  includes(searchString: string): boolean;
  /** Index of the first occurrence of `searchString`, or -1. */
  indexOf(searchString: string): number;
  /** The part from `start` up to (not including) `end`; negative indices count from the end. */
  slice(start?: number, end?: number): string;
  /** The part between `start` and `end` (swapped if `start > end`; negatives become 0). */
  substring(start: number, end?: number): string;
  /** Splits on every occurrence of the literal `separator` (`""` splits into bytes). */
  split(separator: string): string[];
  /** The string without leading and trailing spaces, tabs, newlines and carriage returns. */
  trim(): string;
  /** The string without leading whitespace. */
  trimStart(): string;
  /** The string without trailing whitespace. */
  trimEnd(): string;
  /** Replaces the first occurrence of the literal `searchValue`. */
  replace(searchValue: string, replaceValue: string): string;
  /** Replaces every occurrence of the literal `searchValue`. */
  replaceAll(searchValue: string, replaceValue: string): string;
  /** The string repeated `count` times. */
  repeat(count: number): string;
  /** The string made `maxLength` bytes long by spaces before it; unchanged when it is that long already. */
  padStart(maxLength: number): string;
  /**
   * The string made `maxLength` bytes long by `fillString` repeated before it, the last
   * repetition cut short; unchanged when it is that long already or `fillString` is empty.
   * (No `undefined` for `fillString`: leave it out for spaces.)
   */
  padStart(maxLength: number, fillString: string): string;
}

// --- Arrays --------------------------------------------------------------------------------

interface ReadonlyArray<T> {
  /** Number of elements. */
  readonly length: number;
  readonly [n: number]: T;
  /** Joins the elements with `separator` (default `","`). */
  join(separator?: string): string;
  /** Whether some element is `===` to `searchElement`. */
  includes(searchElement: T): boolean;
  [Symbol.iterator](): ArrayIterator<T>;
}

/** A list of strings, numbers or booleans; every element is kept intact. */
interface Array<T> {
  /** Number of elements. */
  readonly length: number;
  [n: number]: T;
  /** Appends elements and returns the new length. */
  push(...items: T[]): number;
  /** Joins the elements with `separator` (default `","`). */
  join(separator?: string): string;
  /** Whether some element is `===` to `searchElement`. */
  includes(searchElement: T): boolean;
  [Symbol.iterator](): ArrayIterator<T>;
}

// --- Conversions ---------------------------------------------------------------------------

interface StringConstructor {
  /** The value as text, as JavaScript prints it (`true`, `42`, `undefined`). */
  (value?: string | number | boolean | undefined): string;
}
declare var String: StringConstructor;

interface NumberConstructor {
  /** Converts a decimal integer string (surrounding whitespace allowed; `""` is 0). Any other text stops the program with an error. */
  (value: string | number | boolean): number;
}
declare var Number: NumberConstructor;

/** Parses the leading decimal integer of `s`; text with no leading digits stops the program with an error. */
declare function parseInt(string: string, radix: 10): number;

// --- Console and process -------------------------------------------------------------------

interface Console {
  /** Prints the values separated by spaces, then a newline, on standard output. */
  log(...data: (string | number | boolean | undefined)[]): void;
  /** Prints the values separated by spaces, then a newline, on standard error. */
  error(...data: (string | number | boolean | undefined)[]): void;
}
declare var console: Console;

interface Process {
  /** Ends the program with the given exit status. */
  exit(code?: number): never;
}
declare var process: Process;
