import { ts } from "ts-morph";
import { diagnostics } from "../diagnostics/codes.ts";
import * as sh from "../sh/ast.ts";
import type { Command } from "../sh/ast.ts";
import { LoweringAbort, type Binding, type LowerContext } from "./context.ts";
import { storeStaticArray, unstoredArray } from "./fixed-arrays.ts";
import { joinedSeparator } from "./joined-arrays.ts";
import { splitByLiteral, splitTextSeparator } from "./split-arrays.ts";
import { declareFunction, isFunctionValue } from "./functions.ts";
import { lowerIfAsCase } from "./matches.ts";
import { assignedByOtherFunctions } from "./writes.ts";
import { assignmentOps, isUndefined, lowerCondition, toArith } from "./operators.ts";
import { checkRecordWrite } from "./records.ts";
import { divisorCheck } from "./pid1.ts";
import { declareConfig, isVariantCall } from "./config.ts";
import { classifyType, isScalar } from "./types.ts";
import { dependsOnState, literalText, lowered, numberVal, readVar, stringVal, type Lowered, type Val } from "./values.ts";
import type { StatementVisitors } from "./visitor.ts";
import { callSignatures, skipParentheses, textOf } from "../ts/nodes.ts";

/** Declarations, assignments, expression statements, blocks and `if`. */

const K = ts.SyntaxKind;

function lowerVariableStatement(node: ts.VariableStatement, ctx: LowerContext): Command[] {
  return lowerDeclarationList(node.declarationList, ctx);
}

export function lowerDeclarationList(list: ts.VariableDeclarationList, ctx: LowerContext): Command[] {
  if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) ctx.fail(diagnostics.varDeclaration(list));
  return list.declarations.flatMap((decl) => lowerDeclaration(decl, ctx));
}

/** A module-level `const`/`let` of the boot library, lowered when first used. */
export function lowerModuleVariable(decl: ts.VariableDeclaration, ctx: LowerContext): Command[] {
  if (!(decl.parent.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) return ctx.fail(diagnostics.varDeclaration(decl.parent));
  return lowerDeclaration(decl, ctx);
}

function lowerDeclaration(decl: ts.VariableDeclaration, ctx: LowerContext): Command[] {
  try {
    return lowerDeclarationOnce(decl, ctx);
  } catch (error) {
    // Uses of a declaration that failed are not reported again.
    const symbol = ts.isIdentifier(decl.name) ? ctx.symbolOf(decl.name) : undefined;
    if (error instanceof LoweringAbort && symbol && !ctx.bindings.has(symbol)) ctx.bindings.set(symbol, { kind: "broken" });
    throw error;
  }
}

function lowerDeclarationOnce(decl: ts.VariableDeclaration, ctx: LowerContext): Command[] {
  if (!ts.isIdentifier(decl.name)) return ctx.fail(diagnostics.destructuring(decl.name));
  if (decl.initializer && isFunctionValue(decl.initializer)) {
    if (!(decl.parent.flags & ts.NodeFlags.Const)) ctx.fail(diagnostics.functionValue(decl.initializer));
    return declareFunction(decl.initializer, ctx);
  }
  const symbol = ctx.symbolOf(decl.name)!;
  if (decl.initializer && isVariantCall(decl.initializer, ctx)) return declareConfig(decl, symbol, ctx);
  const declared = ctx.checker.getTypeOfSymbol(symbol);
  if (callSignatures(declared, ctx.checker).length > 0) return ctx.fail(diagnostics.functionValue(decl.initializer ?? decl.name));
  const type = classifyType(declared, ctx.checker);
  if (!type || type.kind === "void" || type.kind === "never" || type.kind === "undefined") {
    return ctx.failType(decl.name, declared);
  }
  const origin = ctx.origin(decl);
  if (type.kind === "record") {
    const fields = new Map(type.fields.map((f) => [f.name, { name: ctx.newVariable(`${textOf(decl.name)}_${f.name}`), type: f.type }]));
    const binding: Binding = { kind: "record", fields, scope: ctx.scope };
    ctx.bindings.set(symbol, binding);
    return decl.initializer ? storeRecord(binding, ctx.expr(decl.initializer), ctx) : [];
  }
  // A read-only array of literals that is only walked and measured is not stored: its elements
  // are still lowered, for their diagnostics.
  if (type.kind === "array" && unstoredArray(decl, ctx)) {
    ctx.expr(decl.initializer!);
    return [];
  }
  const separator = type.kind === "array" ? joinedSeparator(decl, ctx) : undefined;
  if (separator !== undefined) {
    const name = ctx.newVariable(decl.name.text);
    ctx.bindings.set(symbol, { kind: "joined", name, separator });
    return [sh.assign(name, sh.word(), origin)];
  }
  const splitBy = type.kind === "array" ? splitTextSeparator(decl.name, ctx) : undefined;
  if (splitBy !== undefined) {
    const name = ctx.newVariable(decl.name.text);
    ctx.bindings.set(symbol, { kind: "split", name, separator: splitBy });
    const text = splitByLiteral(decl.initializer!, ctx)!.text;
    return ctx.store(name, ctx.expr(text), origin);
  }
  const stored = type.kind === "array" ? storeStaticArray(decl, ctx) : undefined;
  if (stored) return stored;
  const value = decl.initializer ? ctx.expr(decl.initializer) : undefined;
  // `const TIMEOUT = 10`: reads become the literal, and no variable is made.
  if (value && decl.parent.flags & ts.NodeFlags.Const && "optional" in type && !type.optional && isLiteral(value)) {
    ctx.bindings.set(symbol, { kind: "constant", val: value.val });
    return [];
  }
  const name = ctx.newVariable(decl.name.text);
  ctx.bindings.set(symbol, { kind: "var", name, type, scope: ctx.scope, shared: assignedByOtherFunctions(symbol, ctx) });
  if (value) return ctx.store(name, value, origin);
  // A fresh `let` is undefined, even on a loop's second pass or in a recursive call.
  return "optional" in type && type.optional ? [sh.command("unset", name)] : [];
}

/** A value known at compile time: literal text, a number literal, true or false. */
const isLiteral = (l: Lowered): boolean => l.pre.length === 0 && literalText(l.val) !== undefined;

function storeRecord(binding: Extract<Binding, { kind: "record" }>, value: Lowered, ctx: LowerContext): Command[] {
  if (value.val.kind !== "record") throw new Error("internal: record store without record value");
  const fields = value.val.fields;
  // Read every source field before writing any target field: `p = { a: p.b, b: p.a }`.
  // Only the fields the target has are read (a record may be narrowed to fewer fields).
  const wanted: Val = { kind: "record", fields: new Map([...fields].filter(([name]) => binding.fields.has(name))) };
  const frozen = dependsOnState(wanted, ctx.temps) ? ctx.freeze(lowered(wanted)) : lowered(wanted);
  const source = (frozen.val as { fields: typeof fields }).fields;
  return [
    ...value.pre,
    ...frozen.pre,
    ...[...binding.fields].flatMap(([field, f]) => ctx.store(f.name, lowered(source.get(field) ?? { kind: "undefined" }))),
  ];
}

/** `x = e`, `x += e`, `p.f = e`, `x++` …: statements only. */
function lowerAssignment(target: ts.Expression, op: ts.SyntaxKind, value: ts.Expression | undefined, node: ts.Node, ctx: LowerContext): Command[] {
  const stripped = ts.isParenthesizedExpression(target) ? target.expression : target;
  if (ts.isElementAccessExpression(stripped)) return ctx.fail(diagnostics.elementAssignment(stripped));
  const { name, type, binding } = assignmentTarget(stripped, ctx);
  if (binding?.kind === "record") {
    if (op !== K.EqualsToken) return ctx.fail(diagnostics.unsupportedSyntax(node, "Compound assignment to a record"));
    return storeRecord(binding, ctx.expr(value!), ctx);
  }
  const origin = ctx.origin(node);
  const current = (): Lowered => lowered(ctx.readBinding({ kind: "var", name: name!, type: type!, scope: undefined }, stripped));
  if (op === K.EqualsToken) return ctx.store(name!, ctx.expr(value!), origin);
  if (op === K.PlusPlusToken || op === K.MinusMinusToken) {
    return [sh.assign(name!, sh.word(sh.arithPart(sh.binary(op === K.PlusPlusToken ? "+" : "-", sh.arithVar(name!), sh.num(1)))), origin)];
  }
  const arithOp = assignmentOps[op];
  if (!arithOp || arithOp === "=") return ctx.fail(diagnostics.unsupportedSyntax(node, `The operator '${ts.tokenToString(op)}'`));
  if (type?.kind === "string") {
    const right = ctx.toWord(ctx.expr(value!), value!);
    const { pre, vals } = ctx.sequence([current(), lowered(stringVal(right.word), right.pre)]);
    const left = (vals[0] as { word: sh.Word }).word;
    return [...pre, sh.assign(name!, sh.word(...left.parts, ...(vals[1] as { word: sh.Word }).word.parts), origin)];
  }
  const right = ctx.expr(value!);
  const { pre, vals } = ctx.sequence([current(), right]);
  const divisor = toArith(lowered(vals[1]!), value!, ctx);
  const arith = sh.binary(arithOp === "+" ? "+" : arithOp, toArith(lowered(vals[0]!), stripped, ctx), divisor);
  const checked = arithOp === "%" ? [...pre, ...divisorCheck(divisor, node, ctx)] : pre;
  return ctx.store(name!, lowered(numberVal(arith), checked), origin);
}

function assignmentTarget(target: ts.Expression, ctx: LowerContext) {
  if (ts.isPropertyAccessExpression(target)) {
    const symbol = ctx.symbolOf(target.expression);
    const binding = symbol && ctx.bindingOf(symbol);
    if (binding?.kind === "broken") throw new LoweringAbort();
    if (binding?.kind !== "record") return ctx.fail(diagnostics.unsupportedSyntax(target, "Assigning to this property"));
    checkRecordWrite(target.expression as ts.Identifier, ctx);
    if (binding.scope && binding.scope !== ctx.scope) ctx.fail(diagnostics.capturedLocal(target, textOf(target.expression)));
    const field = binding.fields.get(target.name.text)!;
    return { name: field.name, type: field.type, binding: undefined };
  }
  const symbol = ctx.symbolOf(target);
  const binding = symbol && ctx.bindingOf(symbol);
  if (binding?.kind === "broken") throw new LoweringAbort();
  if (!binding || binding.kind === "function" || binding.kind === "constant" || binding.kind === "joined" || binding.kind === "split" || binding.kind === "config" || binding.kind === "variant") {
    return ctx.fail(diagnostics.unsupportedSyntax(target, "Assigning to this"));
  }
  if (binding.scope && binding.scope !== ctx.scope) ctx.fail(diagnostics.capturedLocal(target, textOf(target)));
  if (binding.kind === "record") return { name: undefined, type: undefined, binding };
  return { name: binding.name, type: binding.type, binding: undefined };
}

/** An expression evaluated for its effects: a statement, or a `for` loop's init and update. */
export function lowerEffect(e: ts.Expression, ctx: LowerContext, ignoreResult = false): Command[] {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === K.CommaToken) {
    return [...lowerEffect(e.left, ctx), ...lowerEffect(e.right, ctx)];
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind in assignmentOps)) {
    return lowerAssignment(e.left, e.operatorToken.kind, e.right, e, ctx);
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind in logicalAssignments) {
    // `a ||= b` is `a || (a = b)`: the target is read once, assigned only when JS would.
    const op = logicalAssignments[e.operatorToken.kind]!;
    const target = assignmentTarget(skipParentheses(e.left), ctx);
    if (target.binding || !target.type || !isScalar(target.type)) return ctx.fail(diagnostics.unsupportedSyntax(e, "A logical assignment to a record or array"));
    // The declared type, not the narrowed one: the test must look at the value at run time.
    const current = lowered<Val>(target.type.optional ? { kind: "optional", name: target.name!, inner: target.type.kind } : readVar(target.name!, target.type.kind));
    const assign = lowerAssignment(e.left, K.EqualsToken, e.right, e, ctx);
    if (op === K.QuestionQuestionToken) {
      return [sh.ifThen([isUndefined(current.val)], assign)];
    }
    const { cond } = ctx.toCond(current);
    return [sh.ifThen([op === K.AmpersandAmpersandToken ? cond : sh.not(cond)], assign)];
  }
  if ((ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) && (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)) {
    return lowerAssignment(e.operand, e.operator, undefined, e, ctx);
  }
  const stripped = skipParentheses(e);
  if (ts.isVoidExpression(stripped) && ts.isCallExpression(skipParentheses(stripped.expression))) {
    return lowerEffect(stripped.expression, ctx, true); // `void run(…)`: the result is ignored on purpose
  }
  if (!ignoreResult && ts.isCallExpression(stripped)) checkResultUsed(stripped, ctx);
  if (ts.isBinaryExpression(stripped) && isLogical(stripped.operatorToken.kind)) return lowerLogicalEffect(stripped, ctx);
  if (ts.isConditionalExpression(stripped)) {
    const test = lowerCondition(stripped.condition, ctx);
    return [sh.ifThen([test], lowerEffect(stripped.whenTrue, ctx), lowerEffect(stripped.whenFalse, ctx))];
  }
  const value = ctx.expr(e);
  // A value computed for nothing still runs its effects; a boolean call runs as a command.
  if (value.val.kind === "boolean" && value.val.effect) return [...value.pre, value.val.cond];
  return value.pre;
}

const logicalAssignments: Partial<Record<ts.SyntaxKind, ts.BinaryOperator>> = {
  [K.BarBarEqualsToken]: K.BarBarToken,
  [K.AmpersandAmpersandEqualsToken]: K.AmpersandAmpersandToken,
  [K.QuestionQuestionEqualsToken]: K.QuestionQuestionToken,
};

/**
 * A call to a function tagged `@fallible` (mount, run, cryptsetup.open …) whose result nobody
 * looks at: the failure would pass unnoticed, so it is an error.
 */
function checkResultUsed(call: ts.CallExpression, ctx: LowerContext): void {
  const declarations = ctx.symbolOf(call.expression)?.declarations ?? [];
  if (!declarations.some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "fallible"))) return;
  ctx.fail(diagnostics.fallibleIgnored(call, textOf(call.expression)));
}

const isLogical = (op: ts.SyntaxKind) => op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken;

/**
 * `a || b`, `a && b`, `a ?? b` whose value nobody reads: the right side runs for its effects
 * when JS would run it. This is the "or else" idiom: `mount(…) || rescueShell("…")`.
 */
function lowerLogicalEffect(e: ts.BinaryExpression, ctx: LowerContext): Command[] {
  const op = e.operatorToken.kind;
  let test: Command;
  if (op === K.QuestionQuestionToken) {
    const left = ctx.expr(e.left);
    const unset = isUndefined(left.val);
    test = left.pre.length > 0 ? sh.group([...left.pre, unset]) : unset;
  } else {
    const cond = lowerCondition(e.left, ctx);
    test = op === K.AmpersandAmpersandToken ? cond : sh.not(cond);
  }
  const body = lowerEffect(e.right, ctx);
  if (body.length === 0) return [test];
  if (body.length === 1 && op !== K.QuestionQuestionToken) {
    return [op === K.AmpersandAmpersandToken ? sh.and(test, body[0]!) : sh.or(sh.not(test), body[0]!)];
  }
  return [sh.ifThen([test], body)];
}

function lowerIf(node: ts.IfStatement, ctx: LowerContext): Command[] {
  const asCase = lowerIfAsCase(node, ctx);
  if (asCase) return [asCase];
  const clauses: { test: Command[]; body: Command[] }[] = [];
  let current: ts.Statement | undefined = node;
  while (current && ts.isIfStatement(current)) {
    clauses.push({ test: [lowerCondition(current.expression, ctx)], body: ctx.stmt(current.thenStatement) });
    current = current.elseStatement;
  }
  const otherwise = current ? ctx.stmt(current) : undefined;
  const command: sh.If = { kind: "if", clauses, origin: ctx.origin(node) };
  if (otherwise && otherwise.length > 0) command.otherwise = otherwise;
  return [command];
}

function lowerImport(node: ts.ImportDeclaration, ctx: LowerContext): Command[] {
  const from = (node.moduleSpecifier as ts.StringLiteral).text;
  if (from === "initsh" || node.importClause?.isTypeOnly) return [];
  return ctx.fail(diagnostics.imports(node.moduleSpecifier, `Only "initsh" can be imported (programs are compiled as one file); '${from}' cannot.`));
}

const typeOnly = () => [];

export const statementVisitors: StatementVisitors = {
  [K.VariableStatement]: (node, ctx) => lowerVariableStatement(node as ts.VariableStatement, ctx),
  [K.ExpressionStatement]: (node, ctx) => lowerEffect((node as ts.ExpressionStatement).expression, ctx),
  [K.Block]: (node, ctx) => ctx.stmts((node as ts.Block).statements),
  [K.IfStatement]: (node, ctx) => lowerIf(node as ts.IfStatement, ctx),
  [K.EmptyStatement]: typeOnly,
  [K.InterfaceDeclaration]: typeOnly,
  [K.TypeAliasDeclaration]: typeOnly,
  [K.ImportDeclaration]: (node, ctx) => lowerImport(node as ts.ImportDeclaration, ctx),
};

