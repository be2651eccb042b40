import { ts } from "ts-morph";
import { lineAndColumn, sourceFileOf, startOf } from "../ts/nodes.ts";

/** A problem found in a user program, positioned like TypeScript positions its own. */
export interface Diagnostic {
  /** `IS1001`… for initsh's own checks, `TS2322`… for the type checker's. */
  code: string;
  category: "error" | "warning";
  message: string;
  file?: string;
  /** 1-based line and column of the start of the offending code. */
  line?: number;
  column?: number;
  /** Length of the offending span, for the code frame's underline. */
  length?: number;
  /** Source text of the file, for the code frame. */
  sourceText?: string;
}

/** Positions a diagnostic at a syntax node. */
export function diagnosticAt(
  node: ts.Node,
  code: string,
  message: string,
  category: Diagnostic["category"] = "error",
): Diagnostic {
  const source = sourceFileOf(node);
  const start = startOf(node, source);
  const { line, character } = lineAndColumn(source, start);
  return {
    code,
    category,
    message,
    file: source.fileName,
    line: line + 1,
    column: character + 1,
    length: Math.max(1, node.end - start),
    sourceText: source.text,
  };
}

/**
 * Makes a factory for one diagnostic code, in the manner of TypeScriptToLua's
 * `createErrorDiagnosticFactory`: the message text lives in one place with its code.
 */
export function createDiagnosticFactory<A extends unknown[]>(
  code: string,
  message: (...args: A) => string,
  category: Diagnostic["category"] = "error",
) {
  const factory = (node: ts.Node, ...args: A): Diagnostic => diagnosticAt(node, code, message(...args), category);
  factory.code = code;
  /** The same diagnostic at a text position, for checks that run before there is a syntax tree. */
  factory.atPosition = (file: string, text: string, start: number, ...args: A): Diagnostic => {
    const before = text.slice(0, start).split("\n");
    return {
      code,
      category,
      message: message(...args),
      file,
      line: before.length,
      column: before[before.length - 1]!.length + 1,
      length: 1,
      sourceText: text,
    };
  };
  return factory;
}
