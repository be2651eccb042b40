import { ts } from "ts-morph";
import { diagnostics } from "../diagnostics/codes.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** Deeper than any real boot script nests; far deeper inputs overflow the parser's stack. */
export const MAX_NESTING = 200;

/**
 * Finds the first bracket that opens more than MAX_NESTING levels deep, from tokens alone:
 * TypeScript's parser and checker recurse once per level, so this runs before they see the text.
 */
export function checkNesting(file: string, text: string): Diagnostic | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const K = ts.SyntaxKind;
  let depth = 0;
  for (let token = scanner.scan(); token !== K.EndOfFileToken; token = scanner.scan()) {
    if (token === K.OpenParenToken || token === K.OpenBracketToken || token === K.OpenBraceToken || token === K.TemplateHead) {
      if (++depth > MAX_NESTING) return diagnostics.nestingTooDeep.atPosition(file, text, scanner.getTokenStart(), MAX_NESTING);
    } else if (token === K.CloseParenToken || token === K.CloseBracketToken || token === K.CloseBraceToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
