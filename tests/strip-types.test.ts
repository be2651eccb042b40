/**
 * compiler/front/strip-types.ts turns the TypeScript that computes a source's variants into
 * JavaScript with TypeScript's own parser and printer (no esbuild at run time). Each case is
 * evaluated as the compiler evaluates variants (node:vm, an empty context) and must give the
 * value JavaScript gives for the same code without its types.
 */
import { runInNewContext } from "node:vm";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { stripTypes } from "../compiler/front/strip-types.ts";

function evaluate(code: string): unknown {
  const source = ts.createSourceFile("case.ts", code, ts.ScriptTarget.ES2022, true);
  const js = stripTypes(source.statements, source);
  const context: { result?: unknown } = {};
  runInNewContext(`${js}\n;globalThis.result = result;`, context);
  return JSON.parse(JSON.stringify(context.result));
}

describe("stripTypes", () => {
  const cases: [string, string, unknown][] = [
    ["annotations and `satisfies`", "interface C { a: number } const base: C = { a: 1 }; const result = { ...base, b: 2 } satisfies C & { b: number };", { a: 1, b: 2 }],
    ["`as`, `as const`, `<T>x` and `x!`", "const xs = [1, 2] as const; const o = <{ n: number }>{ n: 3 }; const result = [...xs, o.n, (xs as readonly number[])[0]!];", [1, 2, 3, 1]],
    ["an object literal that was a type assertion's operand, as an arrow's body", "const f = (): unknown => <object>{ n: 1 }; const result = f();", { n: 1 }],
    ["type parameters and arguments", "function id<T>(x: T): T { return x; } const pair = <A, B>(a: A, b: B): [A, B] => [a, b]; const result = pair<number, string>(id<number>(4), 'x');", [4, "x"]],
    ["optional and default parameters, overloads", "function f(a: number): number; function f(a: number, b?: number): number; function f(a: number, b?: number, c: number = 10): number { return a + (b ?? 0) + c; } const result = [f(1), f(1, 2)];", [11, 13]],
    ["a `this` parameter and a type predicate", "function isText(this: void, x: unknown): x is string { return typeof x === 'string'; } const result = [isText('a'), isText(1)];", [true, false]],
    ["type aliases and interfaces inside functions, and `export`", "export function make(): { k: string } { type K = { k: string }; interface J {} const k: K = { k: 'v' }; return k; } export const result = make();", { k: "v" }],
    ["a definite assignment and optional chaining", "let x!: number; x = 2; const o: { a?: { b: number } } = { a: { b: x } }; const result = [o.a?.b, o.a?.b ?? 0];", [2, 2]],
    ["a return type on its own line", "const f = (a: number)\n  : number => a * 2; const result = f(21);", 42],
  ];
  it.each(cases)("%s", (_what, code, expected) => {
    expect(evaluate(code)).toEqual(expected);
  });
});
