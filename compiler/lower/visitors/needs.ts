import { ts } from "ts-morph";
import { skipParentheses, sourceFileOf, textOf } from "../../ts/nodes.ts";
import type { Needs, ParamRead } from "../../sh/ast.ts";
import { configRead, slotFor } from "./config.ts";
import type { LowerContext } from "../context/context.ts";

/**
 * The manifest's facts that a command's text does not show, read from the TypeScript call
 * where it is lowered (see Needs in sh/ast.ts). Boot library functions say what their
 * parameters are with TSDoc tags:
 *
 * - `@kernelModules` — every argument is a kernel module name (modprobe);
 * - `@initramfsFile key.keyFile [secret]` — that parameter (or field of it) names a file the init
 *   reads (a secret one, such as a key file, goes into an image only when the user says so);
 * - `@kernelParameter string|int|flag|list|presence|args` — the first argument names a kernel
 *   command-line parameter, the second is its fallback.
 */

/** Where reads of files are kernel-made, not files someone must put in the initramfs. */
const KERNEL_PATHS = ["/proc/", "/sys/", "/dev/", "/run/"];

/** The TSDoc tags of a function declaration, by name: `@initramfsFile key.keyFile` → ["key.keyFile"]. */
function tags(decl: ts.Node, name: string): string[] {
  const all = ts.getJSDocTags(decl);
  return all
    .filter((t) => t.tagName.text === name)
    .map((t) => (typeof t.comment === "string" ? t.comment : (ts.getTextOfJSDocComment(t.comment) ?? "")).trim());
}

const hasTag = (decl: ts.Node, name: string): boolean => ts.getJSDocTags(decl).some((t) => t.tagName.text === name);

/** The text an expression stands for at compile time: a literal, a constant (of the variants' computation too). */
function constantText(e: ts.Expression, ctx: LowerContext): string | undefined {
  const x = skipParentheses(e);
  if (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) return x.text;
  if (ts.isNumericLiteral(x)) return x.text;
  const config = configRead(x, ctx);
  if (config && "constant" in config) {
    const v = config.constant;
    return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
  }
  if (ts.isIdentifier(x)) {
    const symbol = ctx.symbolOf(x);
    const binding = symbol && ctx.bindings.get(symbol);
    if (binding?.kind === "constant" && binding.val.kind === "string") {
      const parts = binding.val.word.parts;
      if (parts.every((p) => p.kind === "lit")) return parts.map((p) => (p as { text: string }).text).join("");
    }
  }
  return undefined;
}

/** The slot of the variant's configuration an expression reads (`config.modules`, `...config.modules`), if it does. */
function variantSlot(e: ts.Expression, ctx: LowerContext): string | undefined {
  const x = skipParentheses(ts.isSpreadElement(e) ? e.expression : e);
  const config = configRead(x, ctx);
  return config && "path" in config ? slotFor(config.path, ctx) : undefined;
}

/** The texts an argument holds when they are known (a literal, a literal array, a constant array, spread or not). */
function constantTexts(e: ts.Expression, ctx: LowerContext): string[] | undefined {
  const x = skipParentheses(ts.isSpreadElement(e) ? e.expression : e);
  const one = constantText(x, ctx);
  if (one !== undefined) return [one];
  const config = configRead(x, ctx);
  if (config && "constant" in config && Array.isArray(config.constant)) return config.constant.map((v) => String(v));
  if (ts.isArrayLiteralExpression(x)) {
    const all = x.elements.map((el) => constantTexts(el, ctx));
    return all.every((a) => a !== undefined) ? all.flat() : undefined;
  }
  return undefined;
}

/** Whether `node` is in a boot library function tagged `tag`: its parameters are its callers' business. */
function inTaggedFunction(node: ts.Node, tag: string, ctx: LowerContext): boolean {
  if (!ctx.inLibrary(node)) return false;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) && hasTag(n, tag)) return true;
  }
  return false;
}

/** `modprobe [-q …] NAME [PARAMS]` or `modprobe -a NAMES…` run directly: the module names it loads. */
export function commandNeeds(name: string, args: readonly ts.Expression[], call: ts.CallExpression, ctx: LowerContext): Needs | undefined {
  if (name !== "modprobe" && name !== "/sbin/modprobe") return undefined;
  if (inTaggedFunction(call, "kernelModules", ctx)) return undefined;
  const names: string[] = [];
  let dynamic = false;
  let all = false;
  // Options first; then one module (its parameters follow), or with -a every word is one.
  const slots: string[] = [];
  for (const arg of args) {
    const texts = constantTexts(arg, ctx);
    const slot = texts === undefined ? variantSlot(arg, ctx) : undefined;
    if (slot !== undefined && (all || names.length === 0)) {
      slots.push(slot);
      if (!all) break;
      continue;
    }
    if (texts === undefined) {
      if (all || names.length === 0) dynamic = true;
      if (!all) break;
      continue;
    }
    for (const word of texts) {
      if (word === "-r" || word === "--remove") return undefined;
      if (word === "-a" || word === "--all") all = true;
      else if (!word.startsWith("-") && (all || names.length === 0)) names.push(word);
    }
    if (!all && names.length > 0) break;
  }
  return { modules: { names, dynamic, ...(slots.length > 0 ? { slots } : {}) } };
}

/** A path read by a file intrinsic in the user's program, when it is a file of the initramfs. */
export function fileNeeds(path: ts.Expression | undefined, call: ts.CallExpression, ctx: LowerContext): Needs | undefined {
  if (!path || ctx.inLibrary(call)) return undefined;
  const slot = variantSlot(path, ctx);
  if (slot !== undefined) return { fileSlots: [slot] };
  const text = constantText(path, ctx);
  if (text === undefined || !text.startsWith("/") || KERNEL_PATHS.some((p) => text.startsWith(p) || `${text}/` === p)) return undefined;
  return { files: [text] };
}

/** The argument's part at `path` (`key.keyFile`): its expression, or null when it has none. */
function argumentAt(call: ts.CallExpression, decl: ts.SignatureDeclaration, path: string): ts.Expression | null {
  const [param, ...fields] = path.split(".");
  const index = decl.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === param);
  let e: ts.Expression | undefined = index < 0 ? undefined : call.arguments[index];
  for (const field of fields) {
    if (!e) return null;
    const x = skipParentheses(e);
    if (!ts.isObjectLiteralExpression(x)) return ts.factory.createPropertyAccessExpression(x, field);
    const property = x.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === field);
    if (!property) return null;
    e = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
  }
  return e ?? null;
}

/** The TSDoc that documents a parameter read: the statement's around the call, or the name constant's. */
function documentation(call: ts.CallExpression, ctx: LowerContext): string | undefined {
  const nameArg = call.arguments[0];
  const fromConstant = nameArg && ts.isIdentifier(nameArg) ? ctx.symbolOf(nameArg)?.valueDeclaration : undefined;
  for (const node of [fromConstant, enclosingStatement(call)]) {
    if (!node) continue;
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    const doc = docs
      .map((d) => (typeof d.comment === "string" ? d.comment : (ts.getTextOfJSDocComment(d.comment) ?? "")))
      .join("\n")
      .trim();
    if (doc !== "") return doc;
  }
  return undefined;
}

function enclosingStatement(node: ts.Node): ts.Node | undefined {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isVariableStatement(n) || ts.isExpressionStatement(n) || ts.isReturnStatement(n) || ts.isIfStatement(n) || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n)) return n;
    if (ts.isFunctionLike(n) || ts.isSourceFile(n)) return undefined;
  }
  return undefined;
}

/** A fallback as the documentation shows it: text quoted, a number bare, anything else as the source writes it. */
function fallbackText(e: ts.Expression, ctx: LowerContext): string {
  const x = skipParentheses(e);
  const config = configRead(x, ctx);
  if (config && "constant" in config && config.constant !== undefined) return JSON.stringify(config.constant);
  const text = constantText(x, ctx);
  if (text === undefined) return textOf(x, sourceFileOf(x));
  return ts.isNumericLiteral(x) ? text : JSON.stringify(text);
}

/** What a call of boot library function `decl` needs, from its tags and the call's arguments. */
export function callNeeds(decl: ts.SignatureDeclaration, call: ts.CallExpression, ctx: LowerContext): Needs | undefined {
  const needs: Needs = {};
  if (hasTag(decl, "kernelModules") && !inTaggedFunction(call, "kernelModules", ctx)) {
    const slots = call.arguments.map((a) => variantSlot(a, ctx));
    const known = call.arguments.map((a, i) => (slots[i] === undefined ? constantTexts(a, ctx) : []));
    const fromConfig = slots.filter((s): s is string => s !== undefined);
    needs.modules = { names: known.flatMap((k) => k ?? []), dynamic: known.some((k) => k === undefined), ...(fromConfig.length > 0 ? { slots: fromConfig } : {}) };
  }
  for (const tag of tags(decl, "initramfsFile")) {
    const [path = "", flag] = tag.split(/\s+/);
    if (flag === "secret") needs.secret = true;
    const arg = argumentAt(call, decl, path);
    if (arg === null) continue;
    const slot = variantSlot(arg, ctx);
    const file = slot === undefined ? constantText(arg, ctx) : undefined;
    if (slot !== undefined) needs.fileSlots = [...(needs.fileSlots ?? []), slot];
    if (file !== undefined) needs.files = [...(needs.files ?? []), file];
  }
  const [kind] = tags(decl, "kernelParameter");
  if (kind !== undefined && !inTaggedFunction(call, "kernelParameter", ctx)) {
    const nameArg = call.arguments[0];
    const fallbackArg = call.arguments[1];
    const read: ParamRead = {
      name: kind === "args" ? undefined : nameArg ? constantText(nameArg, ctx) : undefined,
      kind: kind as ParamRead["kind"],
      origin: ctx.origin(call),
    };
    const fallbackSlot = fallbackArg && variantSlot(fallbackArg, ctx);
    if (fallbackSlot) read.fallbackSlot = fallbackSlot;
    else if (fallbackArg) read.fallback = fallbackText(fallbackArg, ctx);
    const doc = documentation(call, ctx);
    if (doc !== undefined) read.doc = doc;
    needs.params = [read];
  }
  return Object.keys(needs).length > 0 ? needs : undefined;
}
