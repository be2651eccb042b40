import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { LowerContext } from "../context.ts";
import { lowered, stringVal, type Lowered } from "../values.ts";
import type { Builtins } from "./builtin.ts";

/** console.log / console.error: one line of the space-joined values, as Node prints them. */
function print(call: ts.CallExpression, ctx: LowerContext, fd: 1 | 2): Lowered {
  const args = call.arguments;
  const first = args[0];
  if (args.length >= 2 && first && ctx.shTypeOf(first)?.kind === "string") {
    const literal = ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first);
    if (!literal || first.text.includes("%")) ctx.fail(diagnostics.formatString(first));
  }
  const texts = args.map((arg) => {
    if (ts.isSpreadElement(arg)) return ctx.fail(diagnostics.spread(arg));
    const text = ctx.toWord(ctx.expr(arg), arg);
    return lowered(stringVal(text.word), text.pre);
  });
  const { pre, vals } = ctx.sequence(texts);
  const parts: sh.WordPart[] = [];
  vals.forEach((v, i) => {
    if (i > 0) parts.push(sh.lit(" "));
    parts.push(...(v as { word: sh.Word }).word.parts);
  });
  const text = sh.word(...parts);
  ctx.useHelper(plainText(args, ctx) ? "printf-plain" : "printf");
  const line = sh.printLine(text);
  line.origin = ctx.origin(call);
  if (fd === 2) line.redirects.push({ fd: 1, op: ">&", target: sh.word("2") });
  return lowered({ kind: "void" }, [...pre, line]);
}

/**
 * True when the source shows that the line is fixed text without a backslash, numbers and
 * booleans, and cannot start with `-` followed by a letter: text that `echo` prints exactly in
 * every target shell (posh's and mksh's echo read backslash escapes and options). Where
 * printf is no builtin, such lines need only the smallest stand-in (runtime/helpers.ts).
 */
function plainText(args: readonly ts.Expression[], ctx: LowerContext): boolean {
  let atStart = true;
  const fixed = (text: string): boolean => {
    if (text.includes("\\") || (atStart && text.startsWith("-"))) return false;
    if (text !== "") atStart = false;
    return true;
  };
  const safe = (e: ts.Expression): boolean => {
    if (ts.isParenthesizedExpression(e)) return safe(e.expression);
    const type = ctx.shTypeOf(e);
    if ((type?.kind === "number" || type?.kind === "boolean") && !type.optional) {
      atStart = false; // a number's text starts with a digit or "-" and a digit
      return true;
    }
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return fixed(e.text);
    if (ts.isTemplateExpression(e)) {
      return fixed(e.head.text) && e.templateSpans.every((span) => safe(span.expression) && fixed(span.literal.text));
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return safe(e.left) && safe(e.right);
    return false;
  };
  return args.every((arg, i) => (i === 0 || fixed(" ")) && safe(arg));
}

export const consoleBuiltins: Builtins = {
  "Console.log": (call, ctx) => print(call, ctx, 1),
  "Console.error": (call, ctx) => print(call, ctx, 2),
  "Process.exit": (call, ctx) => {
    if (ctx.initMode) return ctx.fail(diagnostics.exitInInit(call));
    const code = call.arguments[0];
    if (!code) return lowered({ kind: "void" }, [sh.command("exit", "0")]);
    const text = ctx.toWord(ctx.expr(code), code);
    return lowered({ kind: "void" }, [...text.pre, sh.command("exit", text.word)]);
  },
};
