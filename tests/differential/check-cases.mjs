#!/usr/bin/env node
// Validates the differential corpus without the compiler:
//   1. every case type-checks against dsl/lib.d.ts (noLib, strict, noUncheckedIndexedAccess, ...);
//   2. every case stays inside the subset the compiler promises (lint rules below);
//   3. every case runs in Node (the oracle) without an uncaught error, prints several lines,
//      and never prints a negative zero (which no shell can reproduce).
//
// Usage: node tests/differential/check-cases.mjs [substring-filter ...]
//        node tests/differential/check-cases.mjs --show <case-name>   (prints Node's output)
import { readdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { transformSync } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, "cases");
const libPath = resolve(here, "../../dsl/lib.d.ts");

const options = {
  strict: true,
  noLib: true,
  noEmit: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowUnreachableCode: false,
  allowUnusedLabels: false,
  noImplicitReturns: true,
  types: [],
};

const PREFIXES = ["str", "num", "bool", "undef", "ctl", "fn", "scope", "arr", "rec", "conv", "log", "hostile", "trust"];

const args = process.argv.slice(2);
let show;
if (args[0] === "--show") show = args[1];
const filters = show ? [show] : args;

const files = readdirSync(casesDir)
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();

// One compiler host with a cached lib.d.ts source file; each case is its own program (cases are
// scripts, so their top-level names would collide in a shared program).
const host = ts.createCompilerHost(options);
const origGetSourceFile = host.getSourceFile.bind(host);
let libSf;
host.getSourceFile = (fileName, lang, onError, shouldCreate) => {
  if (resolve(fileName) === libPath) {
    libSf ??= origGetSourceFile(fileName, lang, onError, shouldCreate);
    return libSf;
  }
  return origGetSourceFile(fileName, lang, onError, shouldCreate);
};

function fmt(diags) {
  return ts.formatDiagnostics(diags, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => "\n",
  });
}

/** Subset lint: returns a list of "line: message" strings. */
function lint(sf, checker, text) {
  const problems = [];
  const at = (node, msg) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    problems.push(`${line + 1}: ${msg}`);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 126 || (c < 32 && c !== 10 && c !== 9)) {
      problems.push(`non-ASCII or control character code ${c} at offset ${i}`);
      break;
    }
  }
  const isStringy = (node) => {
    const t = checker.getTypeAtLocation(node);
    const parts = t.isUnion() ? t.types : [t];
    return parts.some((p) => (p.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0);
  };
  const isMathDiv = (call) =>
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    ts.isIdentifier(call.expression.expression) &&
    call.expression.expression.text === "Math" &&
    (call.expression.name.text === "floor" || call.expression.name.text === "trunc");
  const fnDepth = [];
  const visit = (node) => {
    const k = node.kind;
    switch (k) {
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
      case ts.SyntaxKind.ExportAssignment:
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression:
      case ts.SyntaxKind.RegularExpressionLiteral:
      case ts.SyntaxKind.SpreadElement:
      case ts.SyntaxKind.SpreadAssignment:
      case ts.SyntaxKind.LabeledStatement:
      case ts.SyntaxKind.TryStatement:
      case ts.SyntaxKind.ThrowStatement:
      case ts.SyntaxKind.AwaitExpression:
      case ts.SyntaxKind.YieldExpression:
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.ComputedPropertyName:
      case ts.SyntaxKind.TypeOfExpression:
      case ts.SyntaxKind.DeleteExpression:
      case ts.SyntaxKind.NewExpression:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.WithStatement:
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.ObjectBindingPattern:
      case ts.SyntaxKind.ArrayBindingPattern:
      case ts.SyntaxKind.TaggedTemplateExpression:
        at(node, `unsupported construct ${ts.SyntaxKind[k]}`);
        break;
      case ts.SyntaxKind.NumericLiteral:
        if (!/^\d+$/.test(node.getText(sf))) at(node, `non-decimal-integer literal ${node.getText(sf)}`);
        if (Number(node.text) > 2_000_000_000) at(node, `literal out of range ${node.text}`);
        break;
      case ts.SyntaxKind.ArrayLiteralExpression:
      case ts.SyntaxKind.ObjectLiteralExpression: {
        let p = node.parent;
        while (ts.isParenthesizedExpression(p)) p = p.parent;
        if (ts.isArrayLiteralExpression(p) || ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p))
          at(node, "nested array/record literal");
        break;
      }
      case ts.SyntaxKind.PropertyAccessExpression:
        if (node.questionDotToken) at(node, "optional chaining");
        break;
      case ts.SyntaxKind.ElementAccessExpression:
        if (node.questionDotToken) at(node, "optional chaining");
        break;
      case ts.SyntaxKind.CallExpression:
        if (node.questionDotToken) at(node, "optional call");
        break;
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression: {
        const op = node.operator;
        if (op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken) {
          const p = node.parent;
          const ok = ts.isExpressionStatement(p) || (ts.isForStatement(p) && p.incrementor === node);
          if (!ok) at(node, "++/-- used as an expression");
        }
        if (op === ts.SyntaxKind.TildeToken || op === ts.SyntaxKind.PlusToken) at(node, "unsupported unary operator");
        break;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const op = node.operatorToken.kind;
        const S = ts.SyntaxKind;
        if (op === S.EqualsEqualsToken || op === S.ExclamationEqualsToken) at(node, "== / != (use === / !==)");
        if (
          [S.SlashEqualsToken, S.PercentEqualsToken, S.AsteriskAsteriskToken, S.AsteriskAsteriskEqualsToken,
            S.LessThanLessThanToken, S.GreaterThanGreaterThanToken, S.GreaterThanGreaterThanGreaterThanToken,
            S.AmpersandToken, S.BarToken, S.CaretToken, S.InKeyword, S.InstanceOfKeyword, S.CommaToken,
            S.AmpersandAmpersandEqualsToken, S.BarBarEqualsToken, S.QuestionQuestionEqualsToken,
            S.LessThanLessThanEqualsToken, S.GreaterThanGreaterThanEqualsToken, S.AmpersandEqualsToken,
            S.BarEqualsToken, S.CaretEqualsToken].includes(op)
        )
          at(node, `unsupported operator ${node.operatorToken.getText(sf)}`);
        if (op === S.SlashToken) {
          let p = node.parent;
          while (ts.isParenthesizedExpression(p)) p = p.parent;
          if (!isMathDiv(p) || p.arguments.length !== 1) at(node, "bare / outside Math.floor/Math.trunc");
        }
        if ([S.LessThanToken, S.LessThanEqualsToken, S.GreaterThanToken, S.GreaterThanEqualsToken].includes(op)) {
          if (isStringy(node.left) || isStringy(node.right)) at(node, "relational comparison on strings");
        }
        if (op === S.EqualsToken && ts.isElementAccessExpression(node.left)) at(node, "a[i] = v assignment");
        break;
      }
    }
    // Functions: only top-level declarations and top-level `const f = (...) => ...`.
    if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
      if (ts.isMethodDeclaration(node)) at(node, "method declaration");
      if (node.asteriskToken || node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword))
        at(node, "async/generator function");
      if (fnDepth.length > 0) at(node, "nested function");
      if (ts.isArrowFunction(node)) {
        const p = node.parent;
        const topConst =
          ts.isVariableDeclaration(p) &&
          ts.isVariableDeclarationList(p.parent) &&
          (p.parent.flags & ts.NodeFlags.Const) !== 0 &&
          ts.isVariableStatement(p.parent.parent) &&
          ts.isSourceFile(p.parent.parent.parent);
        if (!topConst) at(node, "arrow function outside a top-level const");
      }
      fnDepth.push(node);
      ts.forEachChild(node, visit);
      fnDepth.pop();
      return;
    }
    // console.log / console.error with 2+ args: a string first argument must be a %-free literal.
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === "console" &&
      node.arguments.length >= 2
    ) {
      const first = node.arguments[0];
      if (isStringy(first)) {
        const lit = ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first);
        if (!lit || first.text.includes("%"))
          at(node, "console.log/error with 2+ args: a string first argument must be a literal without %");
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

/**
 * Wraps every arithmetic result (number-typed `+ - * %`, unary `-`, `+= -= *=`, `Math.floor/
 * trunc`, `Number()`, `parseInt()`) in `__chk(...)`, which throws if the value is not an integer
 * within +-2,000,000,000 (mksh has 32-bit arithmetic). Returns instrumented TypeScript source.
 */
function instrument(sf, checker) {
  const S = ts.SyntaxKind;
  const arith = new Set([S.PlusToken, S.MinusToken, S.AsteriskToken, S.PercentToken,
    S.PlusEqualsToken, S.MinusEqualsToken, S.AsteriskEqualsToken]);
  const isNumber = (node) => (checker.getTypeAtLocation(node).flags & ts.TypeFlags.NumberLike) !== 0;
  const wrapCall = (f, e) => f.createCallExpression(f.createIdentifier("__chk"), undefined, [e]);
  const transformer = (ctx) => {
    const f = ctx.factory;
    const visit = (node) => {
      let wrap = false;
      if (ts.isBinaryExpression(node) && arith.has(node.operatorToken.kind) && isNumber(node)) wrap = true;
      if (ts.isPrefixUnaryExpression(node) && node.operator === S.MinusToken && !ts.isNumericLiteral(node.operand)) wrap = true;
      if (ts.isCallExpression(node) && isNumber(node)) wrap = true;
      const updated = ts.visitEachChild(node, visit, ctx);
      return wrap ? wrapCall(f, f.createParenthesizedExpression(updated)) : updated;
    };
    return (root) => ts.visitNode(root, visit);
  };
  const out = ts.transform(sf, [transformer]);
  const printed = ts.createPrinter().printFile(out.transformed[0]);
  out.dispose();
  return (
    "const __chk = (v: number): number => { if (!Number.isInteger(v) || v > 2000000000 || v < -2000000000) " +
    "throw new Error(`number out of the integer range: ${v}`); return v; };\n" + printed
  );
}

function runNode(source) {
  const js = transformSync(source, { loader: "ts", format: "esm" }).code;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", js], {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 10_000,
    env: { PATH: process.env.PATH ?? "" },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal, error: r.error };
}

let bad = 0;
let oldProgram;
const counts = new Map();
const t0 = performance.now();
for (const f of files) {
  const path = join(casesDir, f);
  const problems = [];
  const prefix = f.split("-")[0];
  counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  if (!PREFIXES.includes(prefix)) problems.push(`unknown prefix "${prefix}"`);

  const program = ts.createProgram({ rootNames: [libPath, path], options, host, oldProgram });
  oldProgram = program;
  const sf = program.getSourceFile(path);
  const diags = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(sf),
    ...program.getSemanticDiagnostics(sf),
  ];
  if (diags.length) problems.push("type errors:\n" + fmt(diags));
  else problems.push(...lint(sf, program.getTypeChecker(), sf.text).map((p) => `lint ${p}`));

  const r = runNode(sf.text);
  if (!diags.length) {
    const checked = runNode(instrument(sf, program.getTypeChecker()));
    if (checked.stdout !== r.stdout || checked.stderr !== r.stderr || checked.status !== r.status) {
      const m = /Error: (number out of the integer range[^\n]*)/.exec(checked.stderr);
      problems.push(m ? m[1] : `instrumented run differs from the plain run:\n${checked.stderr}`);
    }
  }
  if (show) {
    process.stdout.write(`--- stdout ---\n${r.stdout}--- stderr ---\n${r.stderr}--- status ${r.status}\n`);
  }
  if (r.error || r.signal) problems.push(`node failed: ${r.error ?? r.signal}`);
  if (/^\s+at .*\)$/m.test(r.stderr) || r.stderr.includes("node:internal")) problems.push(`uncaught error in node:\n${r.stderr}`);
  const lines = (r.stdout + r.stderr).split("\n").length - 1;
  if (lines < 3) problems.push(`prints only ${lines} line(s)`);
  if (/(^|[ ,=:(\[])-0($|[ \n,)\]])/m.test(r.stdout + r.stderr)) problems.push("output contains a negative zero (-0)");
  if (problems.length) {
    bad++;
    console.log(`FAIL ${f}\n  ${problems.join("\n  ")}`);
  }
}
const secs = ((performance.now() - t0) / 1000).toFixed(1);
console.log(
  `${files.length} case(s), ${bad} with problems (${secs}s). ` +
    [...counts].map(([k, v]) => `${k}:${v}`).join(" "),
);
process.exit(bad ? 1 : 0);
