import { ts } from "ts-morph";
import { functionName, isExported, skipParentheses, sourceFileOf, withParentheses } from "../../ts/nodes.ts";
import type { TypeFacts } from "./facts.ts";
import { usesIn } from "./uses.ts";
import { enclosingFunction } from "./writes.ts";

/**
 * Arrays that are only walked: `const words = line.split(" ")` whose every use is a `for…of`,
 * an `includes` of a literal, or an argument to a parameter that is itself only used so. Such
 * an array is kept as the text it was split from, and never made: a `for…of` walks the text
 * (as over `line.split(" ")` itself), and `words.includes("debug")` is a `case` on
 * `" $words "`. The way a hand-written init reads its command line, with no helper and no `eval`.
 *
 * Only separators that cannot overlap themselves qualify (not a "bordered" one like "aa"): then
 * the separators in `sep + text + sep` are exactly the split's, so "e is an element" is "the text
 * holds sep + e + sep", for any e without the separator in it.
 */

const literalText = (e: ts.Expression): string | undefined =>
  ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text : undefined;

/** `text.split(",")`: a split of a string by a literal, non-empty separator (receiver and separator). */
export function splitByLiteral(expression: ts.Expression, facts: TypeFacts): { text: ts.Expression; separator: string } | undefined {
  const e = skipParentheses(expression);
  if (!ts.isCallExpression(e) || e.arguments.length !== 1 || !ts.isPropertyAccessExpression(e.expression)) return undefined;
  if (e.expression.name.text !== "split" || e.expression.questionDotToken || e.questionDotToken) return undefined;
  const receiver = facts.shTypeOf(e.expression.expression);
  if (receiver?.kind !== "string" || receiver.optional) return undefined;
  const separator = literalText(e.arguments[0]!);
  return separator ? { text: e.expression.expression, separator } : undefined;
}

/** True when some text shorter than `sep` both starts and ends it ("aa", "abab"): see __splitplain. */
export function bordered(sep: string): boolean {
  for (let k = 1; k < sep.length; k++) if (sep.startsWith(sep.slice(sep.length - k))) return true;
  return false;
}

/** A variable or parameter that may be kept as text, with the function its uses must be in. */
interface Candidate {
  /** The function (or undefined: the top level) that declares it. */
  home: ts.Node | undefined;
  /** Known for a split; for a parameter, learnt from the arguments. */
  separator?: string;
  /** For a parameter: its function's symbol and its position. */
  callee?: { function: ts.Symbol; index: number };
}

const cache = new WeakMap<ts.SourceFile, Map<ts.Symbol, string>>();

/** The function declaration (or `const f = (…) => …`) a symbol names, when it has exactly one body. */
function functionOf(symbol: ts.Symbol): ts.FunctionLikeDeclaration | undefined {
  const declarations = symbol.declarations ?? [];
  const bodies = declarations.filter((d) => !(ts.isFunctionDeclaration(d) && !d.body));
  if (bodies.length !== 1) return undefined;
  const d = bodies[0]!;
  if (ts.isFunctionDeclaration(d)) return isExported(d) ? undefined : d;
  if (ts.isVariableDeclaration(d) && d.initializer && !isExported(d)) {
    const init = skipParentheses(d.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/** The candidates of a file: local const splits, and string-array parameters of local functions. */
function candidatesIn(file: ts.SourceFile, facts: TypeFacts): Map<ts.Symbol, Candidate> {
  const out = new Map<ts.Symbol, Candidate>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && node.parent.flags & ts.NodeFlags.Const && !isExported(node)) {
      const split = splitByLiteral(node.initializer, facts);
      const symbol = facts.symbolOf(node.name);
      if (split && !bordered(split.separator) && symbol) out.set(symbol, { home: enclosingFunction(node), separator: split.separator });
    }
    if (ts.isParameter(node) && ts.isIdentifier(node.name) && !node.initializer && !node.questionToken && !node.dotDotDotToken) {
      const fn = node.parent;
      const fnName = functionName(fn);
      const fnSymbol = fnName && facts.symbolOf(fnName);
      const type = facts.shTypeOf(node);
      const symbol = facts.symbolOf(node.name);
      if (fnSymbol && functionOf(fnSymbol) === fn && symbol && type?.kind === "array" && type.element === "string" && !type.optional) {
        out.set(symbol, { home: fn, callee: { function: fnSymbol, index: fn.parameters.indexOf(node) } });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The parameter an argument use is passed to, when the use is a whole argument of a direct call. */
function passedTo(use: ts.Identifier, candidates: Map<ts.Symbol, Candidate>, facts: TypeFacts): ts.Symbol | undefined {
  const node = withParentheses(use);
  const call = node.parent;
  if (!ts.isCallExpression(call) || call.questionDotToken) return undefined;
  const index = call.arguments.indexOf(node as ts.Expression);
  if (index < 0) return undefined;
  const callee = skipParentheses(call.expression);
  const fnSymbol = ts.isIdentifier(callee) ? facts.symbolOf(callee) : undefined;
  const fn = fnSymbol && functionOf(fnSymbol);
  const param = fn?.parameters[index];
  const symbol = param && ts.isIdentifier(param.name) ? facts.symbolOf(param.name) : undefined;
  return symbol && candidates.get(symbol)?.callee ? symbol : undefined;
}

/**
 * What an argument is split by: a kept candidate's separator (undefined while not yet known),
 * or a split written in the call, `f(line.split(" "))`; null for any other argument.
 */
function argumentSeparator(arg: ts.Expression, candidates: Map<ts.Symbol, Candidate>, facts: TypeFacts): string | undefined | null {
  const e = skipParentheses(arg);
  const symbol = ts.isIdentifier(e) ? facts.symbolOf(e) : undefined;
  const candidate = symbol && candidates.get(symbol);
  if (candidate) return candidate.separator;
  const split = splitByLiteral(e, facts);
  return split && !bordered(split.separator) ? split.separator : null;
}

/** Whether a use only walks the array or tests it for a literal without the separator. */
function walksOrTests(use: ts.Identifier, separator: string): boolean {
  const node = withParentheses(use);
  const parent = node.parent;
  if (ts.isForOfStatement(parent) && parent.expression === node) return true;
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== node || parent.questionDotToken || parent.name.text !== "includes") return false;
  const call = parent.parent;
  if (!ts.isCallExpression(call) || call.expression !== parent || call.arguments.length !== 1) return false;
  const item = literalText(call.arguments[0]!);
  return item !== undefined && !item.includes(separator);
}

/**
 * Which candidates survive, with their separators: a greatest fixed point. Each round drops a
 * candidate with a use of another kind, a parameter some call passes anything else to (or
 * arrays split by different separators), and a variable passed to a dropped parameter.
 */
function keptAsText(file: ts.SourceFile, facts: TypeFacts): Map<ts.Symbol, string> {
  const known = cache.get(file);
  if (known) return known;
  const candidates = candidatesIn(file, facts);
  const uses = usesIn(file, facts);
  const declares = (use: ts.Identifier) => (ts.isParameter(use.parent) || ts.isVariableDeclaration(use.parent)) && use.parent.name === use;
  const usesOf = (symbol: ts.Symbol) => (uses.get(symbol) ?? []).filter((use) => !declares(use));
  let changed = true;
  while (changed) {
    changed = false;
    const drop = (symbol: ts.Symbol) => {
      candidates.delete(symbol);
      changed = true;
    };
    // A parameter's separator: the one every call's argument has.
    for (const [symbol, c] of candidates) {
      if (!c.callee) continue;
      const separators = new Set<string | undefined>();
      let ok = true;
      for (const use of uses.get(c.callee.function) ?? []) {
        const node = withParentheses(use);
        const call = node.parent;
        if ((ts.isFunctionDeclaration(call) || ts.isVariableDeclaration(call)) && call.name === use) continue;
        if (!ts.isCallExpression(call) || call.expression !== node) {
          ok = false;
          break;
        }
        const arg = call.arguments[c.callee.index];
        const separator = arg && !call.arguments.some(ts.isSpreadElement) ? argumentSeparator(arg, candidates, facts) : null;
        if (separator === null) {
          ok = false;
          break;
        }
        separators.add(separator);
      }
      const learnt = [...separators].filter((s) => s !== undefined);
      if (!ok || new Set(learnt).size > 1) drop(symbol);
      else if (learnt.length === 1 && c.separator === undefined) {
        c.separator = learnt[0];
        changed = true;
      }
    }
    for (const [symbol, c] of candidates) {
      if (c.separator === undefined) continue;
      for (const use of usesOf(symbol)) {
        if (enclosingFunction(use) !== c.home) {
          drop(symbol);
          break;
        }
        if (walksOrTests(use, c.separator)) continue;
        const param = passedTo(use, candidates, facts);
        const separator = param && candidates.get(param)?.separator;
        if (!param || (separator !== undefined && separator !== c.separator)) {
          drop(symbol);
          break;
        }
      }
    }
  }
  // A parameter no call told a separator (its function is never called) is not kept.
  const out = new Map<ts.Symbol, string>();
  for (const [symbol, c] of candidates) if (c.separator !== undefined) out.set(symbol, c.separator);
  cache.set(file, out);
  return out;
}

/** The separator a variable or parameter is kept by, when it is kept as text. */
export function splitTextSeparator(name: ts.Identifier, facts: TypeFacts): string | undefined {
  const symbol = facts.symbolOf(name);
  return symbol && keptAsText(sourceFileOf(name), facts).get(symbol);
}

