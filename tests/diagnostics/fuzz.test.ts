/**
 * Fuzz-ish robustness tests: malformed, odd and random inputs, written to temp files and
 * compiled in-process. Whatever the input, `compileFile` must
 *
 *   - never throw, and
 *   - either return ok:true with a script, or ok:false with at least one diagnostic whose code
 *     is a TypeScript or initsh code (/^(TS|IS)\d+$/) and none that is IS0000 (an internal
 *     compiler error is always a compiler bug).
 *
 * Inputs: a fixed list of hand-written oddities, then from a seeded PRNG (FUZZ_SEED overrides
 * the seed, so every run sees the same inputs): 240 token soups, 160 small programs made by a
 * grammar of the supported subset, and 80 "idiom" programs from the same grammar that also use
 * optional booleans, never-returning calls in expressions and `cond && f()` statements (kept
 * apart so a crash in those idioms does not hide everything else). When a generated input
 * crashes the compiler, the failure message carries a reproducer shrunk by deleting
 * statements, lines and tokens while the same crash persists.
 *
 * Run: npx vitest run tests/diagnostics/fuzz.test.ts
 *
 * FUZZ_SUMMARY=/path   also write a summary of crashes (with reproducers) to that file.
 * FUZZ_DUMP=/dir       also write every generated input there (soup-N.ts, program-N.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFile } from "../../compiler/index.ts";

type CompileResult = ReturnType<typeof compileFile>;

const SEED = Number(process.env.FUZZ_SEED ?? 0x1a17_5eed);
const SOUPS = 240;
const PROGRAMS = 160;
const IDIOM_PROGRAMS = 80;

// --- Deterministic randomness -----------------------------------------------------------------

/** mulberry32: small, fast, good enough to pick tokens. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// --- Inputs -------------------------------------------------------------------------------------

interface Input {
  name: string;
  content: string | Buffer;
  /** Whether a crash on this input is shrunk to a small reproducer (generated inputs). */
  shrink?: boolean;
  /** The generator it came from, for the summary. */
  group?: string;
}

const nested = (depth: number) => `const deep = ${"(".repeat(depth)}1${")".repeat(depth)};\nconsole.log(deep);\n`;

const handWritten: Input[] = [
  { name: "empty file", content: "" },
  { name: "only whitespace", content: "  \n\t\n\r\n" },
  { name: "only a line comment", content: "// nothing here\n" },
  { name: "only a block comment", content: "/* nothing\n   here */\n" },
  { name: "only a JSDoc comment", content: "/** @type {number} */\n" },
  { name: "shebang only", content: "#!/usr/bin/env node\n" },
  { name: "BOM then code", content: "\uFEFFconsole.log(1);\n" },
  { name: "let = ;", content: "let = ;\n" },
  { name: "const without initializer", content: "const x;\n" },
  { name: "unterminated string", content: 'const s = "abc;\nconsole.log(s);\n' },
  { name: "unterminated template", content: "const s = `abc ${1 + 2\n" },
  { name: "unterminated template head", content: "console.log(`a${\n" },
  { name: "unterminated block comment", content: "/* never closed\nconsole.log(1);\n" },
  { name: "unterminated regex", content: "const r = /abc\n" },
  { name: "closing braces", content: "}}}\n" },
  { name: "opening braces", content: "{{{\n" },
  { name: "mismatched brackets", content: "([)];\n" },
  { name: "lone backslash", content: "\\\n" },
  { name: "lone at sign", content: "@\n" },
  { name: "decorator on nothing", content: "@dec\n" },
  { name: "binary garbage", content: Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256)) },
  { name: "NUL bytes", content: Buffer.from([0, 0, 0, 10, 0, 99, 0]) },
  { name: "invalid UTF-8", content: Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 10]) },
  { name: "UTF-16 LE text with BOM", content: Buffer.from("\uFEFFconsole.log(1);\n", "utf16le") },
  { name: "lone surrogate in a string", content: 'console.log("\uD800");\n' },
  { name: "very long identifier", content: `const ${"a".repeat(20000)} = 1;\nconsole.log(1);\n` },
  { name: "very long string", content: `console.log("${"x".repeat(100000)}");\n` },
  { name: "5000 statements", content: Array.from({ length: 5000 }, (_, i) => `console.log(${i});`).join("\n") },
  { name: "5000-deep nested parentheses", content: nested(5000) },
  { name: "500-deep nested parentheses", content: nested(500) },
  { name: "2000-deep nested blocks", content: `${"{".repeat(2000)}console.log(1);${"}".repeat(2000)}\n` },
  { name: "2000-deep nested arrays", content: `const a = ${"[".repeat(2000)}${"]".repeat(2000)};\n` },
  { name: "300-term sum", content: `const n = ${Array.from({ length: 300 }, () => "1").join(" + ")};\nconsole.log(n);\n` },
  // Long chains once took time quadratic in their length (asking the checker for the type of every prefix).
  { name: "3000-term string chain", content: `let k = "k";\nconst s = ${Array.from({ length: 3000 }, () => "k").join(" + ")};\nconsole.log(s.length);\n` },
  { name: "200-deep ternary", content: `const t = ${"true ? ".repeat(200)}1${" : 0".repeat(200)};\nconsole.log(t);\n` },
  { name: "1000-deep unary minus", content: `const m = ${"-(".repeat(1000)}1${")".repeat(1000)};\nconsole.log(m);\n` },
  { name: "unknown package import", content: 'import { pad } from "left-pad";\nconsole.log(pad("a"));\n' },
  { name: "missing relative import", content: 'import { x } from "./does-not-exist";\nconsole.log(x);\n' },
  { name: "side-effect import", content: 'import "./does-not-exist";\n' },
  { name: "node builtin import", content: 'import { readFileSync } from "node:fs";\nconsole.log(readFileSync("/proc/cmdline", "utf8"));\n' },
  { name: "bare node builtin import", content: 'import fs from "fs";\nconsole.log(fs);\n' },
  { name: "namespace import of builtin", content: 'import * as cp from "child_process";\ncp.execSync("ls");\n' },
  { name: "require call", content: 'const fs = require("fs");\n' },
  { name: "dynamic import", content: 'const m = import("node:fs");\n' },
  { name: "import of initsh", content: 'import {} from "initsh";\nconsole.log(1);\n' },
  { name: "import of a name initsh lacks", content: 'import { nope } from "initsh";\nconsole.log(nope);\n' },
  { name: "type-only import", content: 'import type { X } from "./nowhere";\nconsole.log(1);\n' },
  { name: "export default 1", content: "export default 1;\n" },
  { name: "export default expression", content: 'export default "init";\n' },
  { name: "export =", content: "export = 1;\n" },
  { name: "export {}", content: "export {};\nconsole.log(1);\n" },
  { name: "export star", content: 'export * from "./nowhere";\n' },
  { name: "export default function", content: "export default function init(): never {\n  process.exit(0);\n}\n" },
  { name: "export default non-never function", content: "export default function init(): number {\n  return 1;\n}\n" },
  { name: "two default exports", content: "export default function a(): never {\n  process.exit(0);\n}\nexport default function b(): never {\n  process.exit(1);\n}\n" },
  { name: "JSX", content: "const el = <div>hi</div>;\n" },
  { name: "HTML", content: "<!doctype html><html><body>hi</body></html>\n" },
  { name: "JSON", content: '{ "a": 1, "b": [true, null] }\n' },
  { name: "shell script", content: '#!/bin/sh\nset -eu\necho "hello" | tr a-z A-Z\n' },
  { name: "reserved words as names", content: "let let = 1;\nconst yield = 2;\nconst await = 3;\n" },
  { name: "with statement", content: "with (Math) { floor(1); }\n" },
  { name: "octal literal", content: "const o = 017;\nconsole.log(o);\n" },
  { name: "invalid numeric separator", content: "const n = 1__0;\nconsole.log(n);\n" },
  { name: "bigint", content: "const b = 10n;\n" },
  { name: "private name", content: "#x;\n" },
  { name: "return at top level", content: "return 1;\n" },
  { name: "break at top level", content: "break;\n" },
  { name: "self-referential type", content: "type T = T[];\nconst x: T = [];\n" },
  { name: "infinitely recursive function", content: "function f(n: number): number {\n  return f(n + 1);\n}\nconsole.log(f(0));\n" },
  { name: "mutually recursive functions", content: "function a(n: number): number {\n  return n === 0 ? 0 : b(n - 1);\n}\nfunction b(n: number): number {\n  return n === 0 ? 1 : a(n - 1);\n}\nconsole.log(a(3));\n" },
  { name: "call before declaration", content: "console.log(late(1));\nfunction late(n: number): number {\n  return n;\n}\n" },
  { name: "let used before declaration", content: "console.log(x);\nlet x = 1;\n" },
  { name: "declare global", content: "declare global {\n  var extra: number;\n}\nexport {};\n" },
  { name: "ambient module", content: 'declare module "m" {\n  export const x: number;\n}\n' },
  { name: "triple-slash reference", content: '/// <reference lib="es2015" />\nconst m = new Map();\n' },
  { name: "triple-slash path", content: '/// <reference path="./nowhere.d.ts" />\nconsole.log(1);\n' },
  { name: "ts-nocheck", content: "// @ts-nocheck\nconst x: number = \"a\";\nconsole.log(x);\n" },
  { name: "ts-ignore over an error", content: "// @ts-ignore\nconst x: number = \"a\";\nconsole.log(x);\n" },
  // Ordinary idioms of the supported subset: they must compile or be diagnosed, never crash.
  { name: "optional boolean ?? default", content: "function g(o?: boolean): boolean {\n  return o ?? false;\n}\nconsole.log(g());\n" },
  { name: "short-circuit call statement", content: 'const verbose = "x".length > 0;\nverbose && console.log("verbose");\n' },
  { name: "or-die with a never function", content: 'function die(): never {\n  process.exit(1);\n}\nfunction g(o?: string): string {\n  return o ?? die();\n}\nconsole.log(g("a"));\n' },
  { name: "conditional with a never branch", content: 'function die(): never {\n  process.exit(1);\n}\nconst x = "a".length > 5 ? die() : "ok";\nconsole.log(x);\n' },
  { name: "ts-expect-error without error", content: "// @ts-expect-error\nconst x = 1;\nconsole.log(x);\n" },
];

// Token soup: any sequence of TypeScript tokens, most of it not even parseable.
const soupTokens = [
  // keywords
  "let", "const", "var", "function", "return", "if", "else", "for", "of", "in", "while", "do", "switch", "case",
  "default", "break", "continue", "class", "new", "this", "typeof", "void", "delete", "async", "await", "yield",
  "try", "catch", "finally", "throw", "import", "export", "from", "as", "type", "interface", "enum", "namespace",
  "declare", "readonly", "keyof", "satisfies", "true", "false", "null", "undefined",
  // names
  "x", "y", "s", "xs", "f", "console", "log", "error", "process", "exit", "Math", "floor", "trunc", "String",
  "Number", "parseInt", "length", "push", "join", "includes", "slice", "split", "string", "number", "boolean",
  "never", "any", "unknown",
  // literals
  "0", "1", "42", "-1", "1.5", "2147483648", "0xE", "1e3", '"a"', '""', "'b'", '"%s"', "`t`", "`${", "}`", "/re/g",
  // punctuation and operators
  "(", ")", "{", "}", "[", "]", ";", ",", ".", "?.", "...", ":", "?", "=>", "=", "==", "===", "!=", "!==", "<",
  ">", "<=", ">=", "+", "-", "*", "/", "%", "**", "++", "--", "!", "&&", "||", "??", "&", "|", "^", "~", "<<",
  ">>", ">>>", "+=", "-=", "*=", "/=", "??=", "||=", "&&=", "@", "#", "\n",
];

function soup(rng: Rng): string {
  const n = 1 + rng.int(40);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(soupTokens));
  return out.join(" ") + "\n";
}

/**
 * Small programs from a grammar: mostly well typed, so they reach the lowering passes (where
 * crashes hide) rather than stopping at the parser. A few constructs are deliberately
 * unsupported or ill-typed so diagnostics get exercised too.
 */
function program(rng: Rng, idioms: boolean): string {
  /** Alternatives only generated in "idiom" programs (optional booleans, never-returning calls, `a && f()`). */
  const opt = <F>(f: F): F[] => (idioms ? [f] : []);
  type T = "string" | "number" | "boolean" | "string?" | "number?" | "boolean?" | "string[]" | "number[]";
  const fields: [string, "string" | "number" | "boolean"][] = [["name", "string"], ["size", "number"], ["ro", "boolean"]];
  // An init program (PID 1) may not exit: it ends in rescueShell, and so does its die().
  const isInit = rng.chance(0.2);
  const lines: string[] = [
    ...(isInit ? ['import { rescueShell, toInteger } from "initsh";'] : []),
    "interface Rec {",
    "  name: string;",
    "  size: number;",
    "  ro: boolean;",
    "  note?: string;",
    "  flag?: boolean;",
    "}",
    'let s = "a b";',
    'let t = "";',
    "let n = 3;",
    "let m = -2;",
    "let b = true;",
    "let c = false;",
    'const xs: string[] = ["x", "y z"];',
    "const ns: number[] = [1, 2];",
    'const r: Rec = { name: "root", size: 1, ro: false };',
    "function add(a: number, d: number): number {",
    "  return a + d;",
    "}",
    "function shout(w: string, loud?: boolean): string {",
    "  return loud ? `${w}!` : w;",
    "}",
    "function pick(flag: boolean): string | undefined {",
    '  return flag ? "yes" : undefined;',
    "}",
    "function maybe(k: number): number | undefined {",
    "  return k > 0 ? k : undefined;",
    "}",
    "function both(p: boolean, q: boolean): boolean {",
    "  return p && q;",
    "}",
    "function maybeB(k: number): boolean | undefined {",
    "  return k > 1 ? k > 2 : undefined;",
    "}",
    "function die(why: string): never {",
    "  console.error(why);",
    isInit ? "  rescueShell(why);" : "  process.exit(1);",
    "}",
  ];

  // Variables are read through leaves that TypeScript cannot narrow to a literal or to
  // undefined, so comparisons and `??` stay well typed.
  const leaves: Record<T, string[]> = {
    number: ["n", "m", "r.size", "xs.length", "s.length", "ns.length"],
    string: ["s", "t", "r.name"],
    boolean: ["b", "c", "r.ro"],
    "string?": ["r.note", "xs[0]", "pick(b)"],
    "number?": ["ns[1]", "maybe(n)"],
    "boolean?": ["r.flag", "maybeB(n)"],
    "string[]": ["xs"],
    "number[]": ["ns"],
  };
  const constants: Record<"number" | "string" | "boolean", string[]> = {
    number: ["0", "1", "7", "-1", "255", "2147483647"],
    string: ['"q"', '""', '"a b"', '"*"', '"$HOME"', "'\\n'", '"%d"', '"\\\\"'],
    boolean: ["true", "false"],
  };
  const weird = ["null", "1.5", "/x/", "[...xs]", "(n = 1)", "n++", "typeof n", "xs[n]", "n / 2", "n ** 2", "n & 1", "s < t", "n == m"];

  // About a third of the programs get one unsupported or ill-typed expression somewhere.
  let weirdLeft = rng.chance(0.35) ? 1 : 0;
  const expr = (type: T, depth = 0, allowConstant = true): string => {
    if (weirdLeft > 0 && rng.chance(0.05)) {
      weirdLeft--;
      return rng.pick(weird);
    }
    const leaf = depth > 3 || rng.chance(0.35);
    const sub = (t: T, constant = true) => expr(t, depth + 1, constant);
    if (leaf) {
      if (allowConstant && (type === "number" || type === "string" || type === "boolean") && rng.chance(0.4)) {
        return rng.pick(constants[type]);
      }
      return rng.pick(leaves[type]);
    }
    switch (type) {
      case "number":
        return rng.pick([
          () => `(${sub("number")} ${rng.pick(["+", "-", "*", "%"])} ${sub("number")})`,
          () => `Math.${rng.pick(["floor", "trunc"])}(${sub("number")} / ${1 + rng.int(5)})`,
          () => `-(${sub("number")})`,
          () => `add(${sub("number")}, ${sub("number")})`,
          () => `(${sub("string", false)}).indexOf(${sub("string")})`,
          () => `Number(${sub("number")})`,
          // An init converts text with toInteger: Number() and parseInt() of text are IS1045 there.
          () => (isInit ? `(toInteger(String(${sub("number")})) ?? 0)` : `parseInt(String(${sub("number")}), 10)`),
          () => `(${sub("number?")} ?? ${sub("number")})`,
          () => `(${sub("boolean", false)} ? ${sub("number")} : ${sub("number")})`,
          ...opt(() => `(${sub("number?")} ?? die("no number"))`),
          () => `(${sub("number[]")}[${rng.int(3)}] ?? 0)`,
          () => `${sub("string[]")}.length`,
        ])();
      case "string":
        return rng.pick([
          () => `(${sub("string")} + ${sub(rng.pick(["string", "number"] as T[]))})`,
          () => `\`<${"${"}${sub(rng.pick(["string", "number", "boolean", "string?"] as T[]))}}>\``,
          () =>
            `(${sub("string", false)}).${rng.pick(["trim()", "trimStart()", "trimEnd()", "slice(1)", "slice(-2, 5)", 'replace("a", "b")', 'replaceAll(" ", "_")', "repeat(2)", "substring(1, 3)"])}`,
          () => `String(${sub(rng.pick(["number", "boolean", "string"] as T[]))})`,
          () => `${sub("string[]")}.join(${rng.pick(['""', '","', "", '" "'])})`,
          () => `shout(${sub("string")}${rng.chance(0.5) ? `, ${sub("boolean")}` : ""})`,
          () => `(${sub("string?")} ?? ${sub("string")})`,
          ...opt(() => `(${sub("string?")} ?? die("no string"))`),
          () => `(${sub("boolean", false)} ? ${sub("string")} : ${sub("string")})`,
          ...opt(() => `(${sub("boolean", false)} ? ${sub("string")} : die("bad"))`),
        ])();
      case "boolean":
        return rng.pick([
          () => `(${sub("number", false)} ${rng.pick(["<", "<=", ">", ">=", "===", "!=="])} ${sub("number")})`,
          () => `(${sub("string", false)} ${rng.pick(["===", "!=="])} ${sub("string")})`,
          () => `!${sub("boolean", false)}`,
          () => `(${sub("boolean", false)} ${rng.pick(["&&", "||"])} ${sub("boolean")})`,
          () => `(${sub("string", false)}).${rng.pick(["startsWith", "endsWith", "includes"])}(${sub("string")})`,
          () => `${sub("string[]")}.includes(${sub("string")})`,
          () => `(${sub("string?")} === undefined)`,
          () => `both(${sub("boolean")}, ${sub("boolean")})`,
          ...opt(() => `(${sub("boolean?")} ?? ${sub("boolean")})`),
          ...opt(() => `(${sub("boolean?")} === ${rng.pick(["true", "false", "undefined"])})`),
          ...opt(() => `(${sub("boolean?")} || ${sub("boolean")})`),
        ])();
      case "string?":
        return rng.pick([() => `pick(${sub("boolean")})`, () => `(${sub("boolean", false)} ? ${sub("string")} : undefined)`])();
      case "number?":
        return rng.pick([() => `maybe(${sub("number")})`, () => `(${sub("boolean", false)} ? ${sub("number")} : undefined)`])();
      case "boolean?":
        return rng.pick([() => `maybeB(${sub("number")})`, () => `(${sub("boolean", false)} ? ${sub("boolean")} : undefined)`])();
      case "string[]":
        return rng.pick([
          () => `(${sub("string", false)}).split(${rng.pick(['" "', '","', '""'])})`,
          () => `[${sub("string")}, ${sub("string")}]`,
        ])();
      case "number[]":
        return `[${sub("number")}]`;
    }
  };

  let depth = 0;
  /** One statement; `last` is set when it jumps, so the block ends there (no unreachable code). */
  const statement = (indent: string, inLoop: boolean): { lines: string[]; jumps: boolean } => {
    depth++;
    const nest = depth < 3;
    const simple = (line: string) => ({ lines: [indent + line], jumps: false });
    try {
      switch (rng.int(nest ? 14 : 9)) {
        case 0: {
          const [target, type] = rng.pick([["s", "string"], ["t", "string"], ["n", "number"], ["m", "number"], ["b", "boolean"], ["c", "boolean"]] as const);
          return simple(`${target} = ${expr(type)};`);
        }
        case 1: {
          if (idioms && rng.chance(0.2)) return simple(`r.flag = ${expr("boolean?")};`);
          const [field, type] = rng.pick(fields);
          return simple(`r.${field} = ${expr(type)};`);
        }
        case 2:
          return simple(`console.${rng.pick(["log", "error"])}(${expr(rng.pick(["string", "number", "boolean", "string?"] as T[]))});`);
        case 3:
          return simple(`console.log(\`${"${"}${expr("string")}} ${"${"}${expr("number")}}\`);`);
        case 4:
          return simple(rng.chance(0.5) ? `xs.push(${expr("string")});` : `ns.push(${expr("number")});`);
        case 5:
          return simple(`${rng.pick(["n", "m"])}${rng.pick(["++", "--", " += 2", " -= 1", " *= 3", " %= 4"])};`);
        case 6:
          return simple(`s += ${expr(rng.pick(["string", "number"] as T[]))};`);
        case 7:
          if (inLoop && rng.chance(0.5)) return { lines: [`${indent}${rng.pick(["break", "continue"])};`], jumps: true };
          if (idioms && rng.chance(0.5)) return simple(`${expr("boolean", 0, false)} ${rng.pick(["&&", "||"])} console.log(${expr("string")});`);
          return simple(`${expr("boolean")};`);
        case 8:
          return simple(`const v${depth}_${rng.int(1000)} = ${expr(rng.pick(["string", "number", "boolean", "string?", "number?", "string[]", ...opt<T>("boolean?")]))};`);
        case 9: {
          const then = blockOf(indent + "  ", inLoop);
          const otherwise = blockOf(indent + "  ", inLoop);
          return {
            lines: [`${indent}if (${expr("boolean", 0, false)}) {`, ...then.lines, `${indent}} else {`, ...otherwise.lines, `${indent}}`],
            jumps: then.jumps && otherwise.jumps,
          };
        }
        case 10:
          return { lines: [`${indent}for (const it of ${expr(rng.pick(["string[]", "number[]"] as T[]))}) {`, ...block(indent + "  ", true), `${indent}}`], jumps: false };
        case 11:
          return { lines: [`${indent}for (let i = 0; i < ${rng.int(4)}; i++) {`, ...block(indent + "  ", true), `${indent}}`], jumps: false };
        case 12:
          return {
            lines: [
              `${indent}switch (${rng.pick(["s", "t", "r.name"])}) {`,
              `${indent}  case ${rng.pick(constants.string)}:`,
              `${indent}  case ${rng.pick(["t", '"x"'])}:`,
              ...block(indent + "    ", inLoop),
              ...(rng.chance(0.7) ? [`${indent}    break;`] : []),
              `${indent}  default:`,
              ...block(indent + "    ", inLoop),
              `${indent}}`,
            ],
            jumps: false,
          };
        default:
          return { lines: [`${indent}while (${expr("boolean", 0, false)} && n < 5) {`, `${indent}  n++;`, ...block(indent + "  ", true), `${indent}}`], jumps: false };
      }
    } finally {
      depth--;
    }
  };
  const blockOf = (indent: string, inLoop: boolean): { lines: string[]; jumps: boolean } => {
    const out: string[] = [];
    const count = 1 + rng.int(3);
    for (let i = 0; i < count; i++) {
      const s = statement(indent, inLoop);
      out.push(...s.lines);
      if (s.jumps) return { lines: out, jumps: true };
    }
    return { lines: out, jumps: false };
  };
  const block = (indent: string, inLoop: boolean): string[] => blockOf(indent, inLoop).lines;

  lines.push(...block("", false), ...block("", false), ...block("", false));
  if (isInit) {
    lines.push("export default function init(): never {", ...block("  ", false), `  rescueShell("end ${rng.int(3)}");`, "}");
  }
  return lines.join("\n") + "\n";
}

function generated(): Input[] {
  const rng = new Rng(SEED);
  const soups = Array.from({ length: SOUPS }, (_, i): Input => ({ name: `soup #${i}`, content: soup(rng), shrink: true, group: "soups" }));
  const programs = Array.from({ length: PROGRAMS }, (_, i): Input => ({ name: `program #${i}`, content: program(rng, false), shrink: true, group: "programs" }));
  const idiomPrograms = Array.from(
    { length: IDIOM_PROGRAMS },
    (_, i): Input => ({ name: `idiom program #${i}`, content: program(rng, true), shrink: true, group: "idiom programs" }),
  );
  return [...soups, ...programs, ...idiomPrograms];
}

// --- Running ------------------------------------------------------------------------------------

const workDir = mkdtempSync(join(tmpdir(), "initsh-fuzz-"));
let fileCounter = 0;

type Outcome =
  | { kind: "ok"; result: CompileResult }
  | { kind: "crash"; message: string } // IS0000 or an exception
  | { kind: "bad"; message: string }; // a contract violation other than a crash

function run(content: string | Buffer): Outcome {
  const path = join(workDir, `input-${fileCounter++}.ts`);
  writeFileSync(path, content);
  let result: CompileResult;
  try {
    result = compileFile(path);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: "crash", message: `threw ${message}` };
  } finally {
    rmSync(path, { force: true });
  }
  const internal = result.diagnostics.find((d) => d.code === "IS0000");
  if (internal) return { kind: "crash", message: `IS0000 ${internal.message}` };
  if (result.ok) {
    if (typeof result.script !== "string" || !result.script.startsWith("#!/bin/sh")) return { kind: "bad", message: "ok:true without a script" };
    return { kind: "ok", result };
  }
  if (result.diagnostics.length === 0) return { kind: "bad", message: "ok:false with no diagnostics" };
  const odd = result.diagnostics.find((d) => !/^(TS|IS)\d+$/.test(d.code));
  if (odd) return { kind: "bad", message: `diagnostic code ${JSON.stringify(odd.code)} is not TS… or IS…` };
  return { kind: "ok", result };
}

/** A crash's identity: its message without paths, positions and numbers. */
const signature = (message: string) => message.replace(/\/[^\s'"]+/g, "<path>").replace(/\d+/g, "N").slice(0, 120);

/** Top-level statements (lines grouped until braces balance), lines, or tokens and the whitespace between them. */
const LEXEME = /\s+|[A-Za-z_$][\w$]*|\d+|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^\sA-Za-z_$\d]/g;
function units(text: string, how: "statements" | "lines" | "tokens"): string[] {
  if (how === "tokens") return text.match(LEXEME) ?? [];
  const lines = text.split(/(?<=\n)/);
  if (how === "lines") return lines;
  const out: string[] = [];
  let current = "";
  let depth = 0;
  for (const line of lines) {
    current += line;
    for (const ch of line) depth += ch === "{" ? 1 : ch === "}" ? -1 : 0;
    if (depth <= 0) {
      out.push(current);
      current = "";
      depth = 0;
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * Greedy delta debugging: delete chunks of top-level statements, then of lines, then of tokens
 * (halving the chunk size down to one), as long as the input still crashes the same way.
 */
function shrink(content: string, sig: string, budget = 400): string {
  let tries = 0;
  const stillCrashes = (candidate: string) => {
    tries++;
    const o = run(candidate);
    return o.kind === "crash" && signature(o.message) === sig;
  };
  let text = content;
  for (const how of ["statements", "lines", "statements", "tokens", "statements"] as const) {
    let parts = units(text, how);
    for (let chunk = Math.max(1, Math.floor(parts.length / 2)); chunk >= 1 && tries < budget; chunk = Math.floor(chunk / 2)) {
      for (let i = 0; i < parts.length && tries < budget; ) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)];
        if (candidate.length > 0 && stillCrashes(candidate.join(""))) parts = candidate;
        else i += chunk;
      }
    }
    text = parts.join("");
  }
  return text;
}

interface Crash {
  name: string;
  message: string;
  signature: string;
}
const crashes: Crash[] = [];
/** The shrunk reproducer of each distinct crash, by signature. */
const reproducers = new Map<string, string>();
let inputsRun = 0;
let compiledOk = 0;
/** How generated inputs ended: "ok" or their first diagnostic's code, per generator. */
const endings = new Map<string, Map<string, number>>();

function check(input: Input): void {
  inputsRun++;
  const outcome = run(input.content);
  if (outcome.kind === "ok") {
    if (outcome.result.ok) compiledOk++;
    if (input.group) {
      const ending = outcome.result.ok ? "ok" : outcome.result.diagnostics[0]!.code;
      const counts = endings.get(input.group) ?? new Map<string, number>();
      counts.set(ending, (counts.get(ending) ?? 0) + 1);
      endings.set(input.group, counts);
    }
    return;
  }
  if (outcome.kind === "bad") throw new Error(`${input.name}: ${outcome.message}`);
  const sig = `${input.group ?? "hand-written"}: ${signature(outcome.message)}`;
  crashes.push({ name: input.name, message: outcome.message, signature: sig });
  if (input.shrink && typeof input.content === "string" && !reproducers.has(sig)) {
    reproducers.set(sig, shrink(input.content, signature(outcome.message)));
  }
  const text = typeof input.content === "string" ? input.content : `<${input.content.length} bytes>`;
  const reproducer = reproducers.get(sig);
  const shown = reproducer
    ? `--- shrunk reproducer of this crash ---\n${reproducer}`
    : `--- input ---\n${text.length > 600 ? `${text.slice(0, 600)}…` : text}`;
  throw new Error(`compiler bug on ${input.name}: ${outcome.message}\n${shown}`);
}

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  const bySignature = new Map<string, Crash[]>();
  for (const c of crashes) bySignature.set(c.signature, [...(bySignature.get(c.signature) ?? []), c]);
  const lines = [
    `fuzz seed ${SEED}: ${inputsRun} inputs, ${compiledOk} compiled ok, ${crashes.length} crashed (IS0000 or threw), ${bySignature.size} distinct crash(es)`,
    ...[...endings].map(
      ([group, counts]) => `  ${group} ended with: ${[...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}×${v}`).join(", ")}`,
    ),
    ...[...bySignature].map(([sig, cs]) => {
      const names = cs.map((c) => c.name);
      const shown = names.length > 6 ? `${names.slice(0, 6).join(", ")} … (+${names.length - 6})` : names.join(", ");
      const reproducer = reproducers.get(sig);
      return `- ${cs[0]!.message}\n  ${cs.length} input(s): ${shown}${reproducer ? `\n  shrunk reproducer: ${JSON.stringify(reproducer)}` : ""}`;
    }),
  ];
  console.log(lines.join("\n"));
  if (process.env.FUZZ_SUMMARY) writeFileSync(process.env.FUZZ_SUMMARY, lines.join("\n") + "\n");
});

describe("compileFile on odd inputs", () => {
  it("a nonexistent path is IS0001", () => {
    const result = compileFile(join(workDir, "no", "such", "file.ts"));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["IS0001"]);
  });

  it("a directory is not a readable file: IS0001", () => {
    let result: CompileResult | undefined;
    expect(() => (result = compileFile(workDir))).not.toThrow();
    expect(result!.ok).toBe(false);
    expect(result!.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^IS0001 /)]);
  });

  for (const input of handWritten) it(input.name, () => check(input));
});

describe(`generated inputs (seed ${SEED})`, () => {
  const inputs = generated();
  const dump = process.env.FUZZ_DUMP;
  if (dump) {
    mkdirSync(dump, { recursive: true });
    for (const input of inputs) writeFileSync(join(dump, `${input.name.replace(/ #/, "-")}.ts`), input.content);
  }
  it("the generators are deterministic and produce enough inputs", () => {
    const again = generated();
    expect(again.map((i) => i.content)).toEqual(inputs.map((i) => i.content));
    expect(inputs.filter((i) => i.group === "soups").length).toBeGreaterThanOrEqual(200);
  });
  for (const input of inputs) it(input.name, () => check(input));
});
