import { ts, type Project } from "ts-morph";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/**
 * The type-check gate: every TypeScript error in the program stops the build. Messages for
 * names that exist in JavaScript but not in initsh get a sentence saying what to use instead.
 */
export function typeCheck(project: Project, source: ts.SourceFile): Diagnostic[] {
  const program = project.getProgram().compilerObject;
  const found = [
    ...program.getSyntacticDiagnostics(source),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSemanticDiagnostics(source),
  ];
  return found.map(fromTypeScript);
}

const hints: Record<string, string> = {
  Map: "Use a record with fixed fields, or two arrays.",
  Set: "Use an array and includes().",
  JSON: "Build the text with a template literal.",
  Object: "Records have a fixed shape: read their fields by name.",
  Date: "Boot code has no clock it can trust: run `date` with capture() if you must.",
  Promise: "Boot steps run one after another: call functions directly.",
  setTimeout: "Use sleep().",
  require: "Import from \"initsh\" only.",
  Array: "Write array literals: [] and push().",
  Boolean: "Compare explicitly: s !== \"\".",
  RegExp: "Use includes, startsWith, endsWith, indexOf or split.",
};

function fromTypeScript(d: ts.Diagnostic): Diagnostic {
  let message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const missing = /^Cannot find name '([^']+)'/.exec(message);
  const hint = missing && hints[missing[1]!];
  if (hint) message += ` It is not available in initsh: ${hint}`;
  const out: Diagnostic = {
    code: `TS${d.code}`,
    category: d.category === ts.DiagnosticCategory.Warning ? "warning" : "error",
    message,
  };
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    Object.assign(out, {
      file: d.file.fileName,
      line: line + 1,
      column: character + 1,
      length: d.length ?? 1,
      sourceText: d.file.text,
    });
  }
  return out;
}
