import { ts } from "ts-morph";
import { diagnostics } from "../../diagnostics/codes.ts";
import * as sh from "../../sh/ast.ts";
import type { LowerContext } from "../context/context.ts";
import { lowered, stringVal, type Lowered } from "../context/values.ts";
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
  ctx.useHelper(standInFor(args, ctx));
  const line = sh.printLine(text);
  line.origin = ctx.origin(call);
  if (fd === 2) line.redirects.push({ fd: 1, op: ">&", target: sh.word("2") });
  return lowered({ kind: "void" }, [...pre, line]);
}

/** A piece of a printed line as the source shows it: fixed text, a number or boolean, or any text. */
type Piece = { kind: "fixed"; text: string } | { kind: "number" } | { kind: "text" };

function piecesOf(e: ts.Expression, ctx: LowerContext): Piece[] {
  if (ts.isParenthesizedExpression(e)) return piecesOf(e.expression, ctx);
  const type = ctx.shTypeOf(e);
  // A number's text starts with a digit or "-" and a digit: never an option of echo.
  if ((type?.kind === "number" || type?.kind === "boolean") && !type.optional) return [{ kind: "number" }];
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [{ kind: "fixed", text: e.text }];
  if (ts.isTemplateExpression(e)) {
    return [
      { kind: "fixed", text: e.head.text },
      ...e.templateSpans.flatMap((span): Piece[] => [...piecesOf(span.expression, ctx), { kind: "fixed", text: span.literal.text }]),
    ];
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...piecesOf(e.left, ctx), ...piecesOf(e.right, ctx)];
  return [{ kind: "text" }];
}

/**
 * The `printf` stand-in a line needs where printf is no builtin (posh, mksh: their echo reads
 * backslash escapes and options, runtime/sh/print.sh). A line the source shows to be fixed text
 * without a backslash, numbers and booleans, not starting with `-`, echo prints exactly; one
 * that starts with fixed text or a number can hold backslashes but never starts with `-`.
 */
function standInFor(args: readonly ts.Expression[], ctx: LowerContext): "printf-plain" | "printf-nodash" | "printf" {
  const pieces = args.flatMap((arg, i): Piece[] => (i === 0 ? piecesOf(arg, ctx) : [{ kind: "fixed", text: " " }, ...piecesOf(arg, ctx)]));
  const first = pieces.find((p) => p.kind !== "fixed" || p.text !== "");
  const safeStart = !first || first.kind === "number" || (first.kind === "fixed" && !first.text.startsWith("-"));
  if (!safeStart) return "printf";
  return pieces.every((p) => p.kind === "number" || (p.kind === "fixed" && !p.text.includes("\\"))) ? "printf-plain" : "printf-nodash";
}

export const consoleBuiltins: Builtins = {
  "Console.log": (call, ctx) => print(call, ctx, 1),
  "Console.error": (call, ctx) => print(call, ctx, 2),
  "Process.exit": (call, ctx) => {
    if (ctx.script.initMode) return ctx.fail(diagnostics.exitInInit(call));
    const code = call.arguments[0];
    if (!code) return lowered({ kind: "void" }, [sh.command("exit", "0")]);
    const text = ctx.toWord(ctx.expr(code), code);
    return lowered({ kind: "void" }, [...text.pre, sh.command("exit", text.word)]);
  },
};
