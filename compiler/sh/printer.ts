import type { Arith, ArithOp, Case, Command, If, Param, Pattern, PatternPart, Redirect, Simple, Word, WordPart } from "./ast.ts";
import * as sh from "./ast.ts";

/**
 * Prints the shell AST as POSIX sh. This is the only place that decides quoting:
 * literal text is single-quoted (or left bare when it is plainly safe), and every expansion
 * is inside double quotes, so no value is ever word-split, globbed or executed.
 */
export function printScript(commands: readonly Command[]): string {
  const lines = commands.flatMap((c) => {
    // A top-level command prints the same wherever it stands: the variants of one source
    // share most of theirs (the same objects), and each is printed once.
    let printed = printedTopLevel.get(c);
    if (printed === undefined) printedTopLevel.set(c, (printed = printCommand(c, 0)));
    return printed;
  });
  return (lines.length > 0 ? lines : [":"]).join("\n") + "\n";
}

const printedTopLevel = new WeakMap<Command, string[]>();

const INDENT = "  ";
/** Text that means itself unquoted in every position we print a word in. */
const SAFE_BARE = /^[A-Za-z0-9_.,:/@%+-]+$/;
/** Text that means itself unquoted next to expansions in an assignment's value (`=` too). */
const ASSIGN_BARE = /^[A-Za-z0-9_.,:/@%+=-]+$/;
/** Reserved words: bare, they could be read as syntax (and shellcheck says so). */
const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until", "do", "done", "in", "function", "select", "time", "{", "}", "!"]);
const NAME_CHAR = /^[A-Za-z0-9_]/;

// --- Words -----------------------------------------------------------------------------------

/** A word's (or pattern's) parts with `$((n))` of a constant written as its digits, adjacent text joined, empty text dropped. */
function textParts<P extends PatternPart>(w: { parts: readonly P[] }): P[] {
  const out: P[] = [];
  for (const p of w.parts) {
    const part = p.kind === "arith" && p.expr.kind === "num" ? ({ kind: "lit", text: String(p.expr.value) } as P) : p;
    const last = out[out.length - 1];
    if (part.kind === "lit" && !part.syntax && last?.kind === "lit" && !last.syntax) out[out.length - 1] = { kind: "lit", text: last.text + part.text } as P;
    else out.push(part);
  }
  return out.filter((p) => !(p.kind === "lit" && p.text === ""));
}

/** A word in argument position: one field, exactly its value. */
export function printWord(w: Word): string {
  const parts = textParts(w);
  if (parts.length === 0) return "''";
  if (parts.length === 1 && parts[0]!.kind === "lit" && parts[0]!.syntax && /^[A-Za-z0-9_=!\[\]-]+$/.test(parts[0]!.text)) {
    return parts[0]!.text;
  }
  // Other compiler-written syntax (a printf format such as `%s\n`) reads best single-quoted.
  if (parts.length === 1 && parts[0]!.kind === "lit" && parts[0]!.syntax && !parts[0]!.text.includes("'")) {
    return `'${parts[0]!.text}'`;
  }
  if (parts.every((p) => p.kind === "lit")) return quoteLiteral(parts.map((p) => (p as { text: string }).text).join(""));
  // Pattern syntax in a word (a `for` list's `"$dir"/*`) stays bare, everything else quoted.
  if (parts.some((p) => p.kind === "glob")) {
    return parts.map((p) => (p.kind === "glob" ? p.text : p.kind === "lit" ? quoteLiteral(p.text) : `"${printDoubleQuoted([p])}"`)).join("");
  }
  return `"${printDoubleQuoted(parts)}"`;
}

/** The value of an assignment: not split or globbed, so plain expansions need no quotes. */
function printAssignValue(w: Word): string {
  const parts = textParts(w);
  if (parts.length === 0) return "";
  // Literal values: numbers and true/false bare, text quoted (`x=set` reads like a command,
  // and shellcheck says so of `x=done`, `x=read` …).
  // Text a runtime helper's author wrote bare (`PATH=/nonexistent`) stays bare.
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only?.kind === "lit" && only.syntax && ASSIGN_BARE.test(only.text) && !only.text.startsWith("=")) return only.text;
  if (parts.every((p) => p.kind === "lit")) {
    const text = parts.map((p) => (p as { text: string }).text).join("");
    return /^(-?[0-9]+|true|false)$/.test(text) ? text : quoteLiteral(text, true);
  }
  if (parts.length === 1 && parts[0]!.kind === "param" && parts[0]!.op?.kind === "strip") {
    return printStrip(parts[0]!);
  }
  if (parts.length === 1 && parts[0]!.kind !== "lit") return printDoubleQuoted(parts);
  // Expansions joined with plainly safe text (`kept=$kept:$d`, `opt=$k=$v`) need no quotes either; `${x-…}`
  // keeps them, as its inner word is printed for double quotes.
  const bare = (p: WordPart) =>
    p.kind === "lit" ? !p.syntax && ASSIGN_BARE.test(p.text) : p.kind !== "param" || !p.op || p.op.kind === "length";
  // (A value starting with `=` reads as `==` to shellcheck.)
  const first = parts[0]!;
  if (parts.every(bare) && !(first.kind === "lit" && first.text.startsWith("="))) return printDoubleQuoted(parts);
  // A pattern operator joined with other text (`o=$o${s%%x*}y`, in the runtime helpers): every
  // piece on its own, as posh mishandles `${x%…}` inside double quotes.
  if (parts.some((p) => p.kind === "param" && p.op?.kind === "strip")) return printUnquotedPieces(parts);
  return printWord(w);
}

/** Parts where no word splitting happens (an assignment value, a `case` subject): strips bare, text quoted, other expansions in double quotes. */
function printUnquotedPieces(parts: readonly WordPart[]): string {
  // The pieces between strips, each run printed once: bare when plainly safe (`$o$3`), else in double quotes.
  let out = "";
  let run: WordPart[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const bare = run.every((p, i) =>
      p.kind === "lit" ? ASSIGN_BARE.test(p.text) && (out !== "" || i > 0 || !p.text.startsWith("=")) : p.kind === "param" && (!p.op || p.op.kind === "length"),
    );
    out += bare ? printDoubleQuoted(run) : run.every((p) => p.kind === "lit") ? quoteLiteral(run.map((p) => (p as { text: string }).text).join(""), true) : `"${printDoubleQuoted(run)}"`;
    run = [];
  };
  for (const p of parts) {
    if (p.kind === "glob") throw new Error("internal: pattern syntax in an assignment");
    if (p.kind === "param" && p.op?.kind === "strip") {
      flush();
      out += printStrip(p);
    } else run.push(p);
  }
  flush();
  return out;
}

function quoteLiteral(text: string, forceQuotes = false): string {
  if (!forceQuotes && SAFE_BARE.test(text) && !KEYWORDS.has(text)) return text;
  // Backslashes alone read best escaped (`*\\*`, as a hand-writer writes them).
  if (/^\\+$/.test(text)) return text.replaceAll("\\", "\\\\");
  // A leading tilde quoted still looks like a home directory to a reader: escape it instead.
  if (text.startsWith("~")) return "\\~" + (text.length > 1 ? quoteLiteral(text.slice(1), true) : "");
  // Text with `$`, backquotes or backslashes goes in escaped double quotes, so no reader
  // (or shellcheck) takes '$x' for a forgotten expansion or '\'' for an escape.
  if (/[$`\\]/.test(text)) return `"${printDoubleQuoted([{ kind: "lit", text }])}"`;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function printDoubleQuoted(parts: readonly WordPart[]): string {
  let out = "";
  parts.forEach((part, i) => {
    const next = parts[i + 1];
    if (part.kind === "lit") out += part.text.replace(/[\\"$`]/g, (c) => `\\${c}`);
    else if (part.kind === "arith") out += `$((${printArith(part.expr)}))`;
    else if (part.kind === "command") out += `$(${printCommandSubstitution(part.command)})`;
    else if (part.kind === "glob") throw new Error("internal: pattern syntax inside double quotes");
    else out += printParam(part, next?.kind === "lit" && (NAME_CHAR.test(next.text) && !(/^[0-9]$/.test(part.name) && !/^[0-9]/.test(next.text)) || next.text.startsWith("[")));
  });
  return out;
}

function printCommandSubstitution(c: Command): string {
  const text = printInline(c);
  if (text === undefined) throw new Error("internal: a command substitution holds a multi-line command");
  return text;
}

// --- Here-documents --------------------------------------------------------------------------

const HEREDOC_END = "INITSH_INPUT";

const hasHeredoc = (c: Simple) => c.redirects.some((r) => r.op === "<<");

/** A here-document's body: expansions as in double quotes, literal `\`, `$` and backquotes escaped. */
function printHeredocBody(w: Word): string[] {
  let out = "";
  for (const part of w.parts) {
    if (part.kind === "lit") out += part.text.replace(/[\\$`]/g, (c) => `\\${c}`);
    else if (part.kind === "param") out += printParam(part, true);
    else out += printDoubleQuoted([part]);
  }
  const lines = out.split("\n");
  if (lines.includes(HEREDOC_END)) throw new Error("internal: here-document text contains its delimiter");
  return [...lines, HEREDOC_END];
}

function printParam(p: Param, braced: boolean): string {
  if (!p.op) return braced || p.name.length > 1 && /^[0-9]/.test(p.name) ? `\${${p.name}}` : `$${p.name}`;
  switch (p.op.kind) {
    case "length":
      return `\${#${p.name}}`;
    case "default":
      return `\${${p.name}${p.op.colon ? ":" : ""}-${printInnerWord(p.op.word)}}`;
    case "alternative":
      return `\${${p.name}${p.op.colon ? ":" : ""}+${printInnerWord(p.op.word)}}`;
    case "strip":
      throw new Error("internal: a strip expansion can only be a whole assignment value");
  }
}

/** The word inside `${x-word}` within double quotes: lowering only puts plain text and parameters there. */
function printInnerWord(w: Word): string {
  // Joined text, so a name is braced when text follows it even across empty pieces (`${v}x`).
  const parts = textParts(w);
  for (const p of parts) {
    if (p.kind === "lit" && !/^[A-Za-z0-9_ .,:=@%+\/-]*$/.test(p.text)) {
      throw new Error(`internal: unsafe text inside \${…}: ${JSON.stringify(p.text)}`);
    }
  }
  return printDoubleQuoted(parts);
}

function printStrip(p: Param): string {
  if (p.op?.kind !== "strip") throw new Error("internal: not a strip");
  return `\${${p.name}${p.op.op}${printPatternParts(p.op.pattern)}}`;
}

/** Pattern text: literal parts quoted so they match themselves, glob parts bare. */
function printPatternParts(pattern: Pattern): string {
  // Adjacent text is one literal, quoted once (`'!x'`, not `'!'x`).
  return textParts(pattern)
    .map((part) => {
      if (part.kind === "glob") return part.text;
      if (part.kind === "param") return `"${printParam(part, false)}"`;
      if (part.kind === "arith") return `"$((${printArith(part.expr)}))"`;
      if (part.kind === "command") return `"$(${printCommandSubstitution(part.command)})"`;
      if (part.text === "") return "";
      return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(part.text) ? part.text : quoteLiteral(part.text, true);
    })
    .join("");
}

function printPattern(pattern: Pattern): string {
  const text = printPatternParts(pattern);
  return text === "" ? "''" : text;
}

// --- Arithmetic ------------------------------------------------------------------------------

const PRECEDENCE: Record<ArithOp, number> = {
  "||": 1,
  "&&": 2,
  "==": 6,
  "!=": 6,
  "<": 7,
  "<=": 7,
  ">": 7,
  ">=": 7,
  "+": 9,
  "-": 9,
  "*": 10,
  "/": 10,
  "%": 10,
};

export function printArith(a: Arith, parent = 0, right = false): string {
  switch (a.kind) {
    case "num":
      return a.value < 0 && parent > 0 ? `(${a.value})` : String(a.value);
    case "var":
      return a.name;
    case "expansion":
      return printParam(a.part, true);
    case "unary": {
      const inner = printArith(a.operand, 11);
      return `${a.op}${inner.startsWith("-") ? `(${inner})` : inner}`;
    }
    case "binary": {
      const p = PRECEDENCE[a.op];
      // `(a / b) * c`: the truncation first is meant (bare, shellcheck SC2017 suspects a slip).
      const leftDivides = a.op === "*" && a.left.kind === "binary" && (a.left.op === "/" || a.left.op === "%");
      const text = `${printArith(a.left, leftDivides ? p + 1 : p)} ${a.op} ${printArith(a.right, p, true)}`;
      return parent > p || (parent === p && right) ? `(${text})` : text;
    }
    case "conditional": {
      const text = `${printArith(a.test, 1)} ? ${printArith(a.whenTrue)} : ${printArith(a.whenFalse)}`;
      return parent > 0 ? `(${text})` : text;
    }
  }
}

// --- Commands --------------------------------------------------------------------------------

function printBody(commands: readonly Command[], depth: number): string[] {
  const lines = commands.flatMap((c) => printCommand(c, depth));
  return lines.length > 0 ? lines : [INDENT.repeat(depth) + ":"];
}

function printCommand(c: Command, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const inline = printInline(c);
  if (inline !== undefined) return [pad + inline];
  switch (c.kind) {
    case "if": {
      const short = printShortIf(c, pad);
      if (short !== undefined) return [short];
      const lines: string[] = [];
      c.clauses.forEach((clause, i) => {
        lines.push(...printHeader(i === 0 ? "if" : "elif", clause.test, "then", depth));
        lines.push(...printBody(clause.body, depth + 1));
      });
      if (c.otherwise) lines.push(pad + "else", ...printBody(c.otherwise, depth + 1));
      return [...lines, pad + "fi"];
    }
    case "while":
      return [...printHeader("while", c.test, "do", depth), ...printBody(c.body, depth + 1), pad + "done"];
    case "for":
      return [
        `${pad}for ${c.name} in ${c.words.map(printForWord).join(" ")}; do`,
        ...printBody(c.body, depth + 1),
        pad + "done",
      ];
    case "case": {
      const line = printCaseLine(c, pad);
      if (line !== undefined) return [pad + line];
      const lines = [`${pad}case ${printCaseSubject(c.subject)} in`];
      for (const arm of c.arms) {
        const patterns = `${pad}${INDENT}${arm.patterns.map(printPattern).join("|")}`;
        const single = arm.body.length === 1 ? printInline(arm.body[0]!) : arm.body.length === 0 ? "" : undefined;
        if (single !== undefined) lines.push(armLine(patterns, single));
        else lines.push(`${patterns})`, ...printBody(arm.body, depth + 2), `${pad}${INDENT}${INDENT};;`);
      }
      return [...lines, pad + "esac"];
    }
    case "function": {
      // A function of one short simple command reads best on one line (`__print() { printf '%s' "$1"; }`).
      const only = c.body.length === 1 && c.body[0]!.kind === "simple" ? printInline(c.body[0]!) : undefined;
      const line = only === undefined ? undefined : `${pad}${c.name}() { ${only}; }`;
      if (line !== undefined && line.length <= 100) return [line];
      return [`${pad}${c.name}() {`, ...printBody(c.body, depth + 1), pad + "}"];
    }
    case "group":
      return [pad + "{", ...printBody(c.body, depth + 1), pad + "}" + printRedirects(c.redirects)];
    case "and":
    case "or":
    case "not":
      // Compound commands inside an and-or list: print the list over several lines.
      return printAndOrMultiline(c, depth);
    case "simple": {
      // A here-document's body follows its command's line, unindented.
      const body = c.redirects.filter((r) => r.op === "<<").flatMap((r) => printHeredocBody(r.target));
      return [pad + printSimple(c), ...body];
    }
    case "comment":
      throw new Error("internal: inline command not printed inline");
  }
}

/** An arm with nothing to do is just `pattern) ;;`. */
const armLine = (patterns: string, single: string) => `${patterns})${single && ` ${single}`} ;;`;

/** A small case whose arms are one short command each reads best on one line (without `pad`, which counts toward its width). */
function printCaseLine(c: Case, pad: string): string | undefined {
  if (c.arms.length > 2) return undefined;
  const arms = c.arms.map((arm) => ({
    patterns: arm.patterns.map(printPattern).join("|"),
    single: arm.body.length === 1 ? printInline(arm.body[0]!) : arm.body.length === 0 ? "" : undefined,
  }));
  if (!arms.every((a) => a.single !== undefined)) return undefined;
  const line = `case ${printCaseSubject(c.subject)} in ${arms.map((a) => armLine(a.patterns, a.single!)).join(" ")} esac`;
  return pad.length + line.length <= 100 && !line.includes("\n") ? line : undefined;
}

/** A case subject is neither split nor globbed: a lone variable needs no quotes. */
function printCaseSubject(w: Word): string {
  const [only, ...rest] = w.parts;
  if (only?.kind === "param" && rest.length === 0 && only.op === undefined) return printParam(only, false);
  return w.parts.some((p) => p.kind === "param" && p.op?.kind === "strip") ? printUnquotedPieces(textParts(w)) : printWord(w);
}

function printRedirects(redirects: readonly Redirect[] | undefined): string {
  return (redirects ?? []).map((r) => ` ${printRedirect(r)}`).join("");
}

function printRedirect(r: Redirect): string {
  return r.op === "<<" ? `<<${HEREDOC_END}` : `${r.fd === (r.op === "<" ? 0 : 1) ? "" : r.fd}${r.op}${printWord(r.target)}`;
}

/** `if test; then one; [else other;] fi` on one line, when each part is one short command. */
function printShortIf(c: If, pad: string): string | undefined {
  const [clause, ...elifs] = c.clauses;
  if (!clause || elifs.length > 0) return undefined;
  const single = (body: readonly Command[]) => (body.length === 1 && body[0]!.kind !== "comment" ? printInline(body[0]!) : undefined);
  const test = clause.test.map((t) => (t.kind === "comment" ? undefined : printInline(t)));
  const then = single(clause.body);
  const otherwise = c.otherwise ? single(c.otherwise) : "";
  if (test.length === 0 || test.some((t) => t === undefined) || then === undefined || otherwise === undefined) return undefined;
  const line = `${pad}if ${test.join("; ")}; then ${then};${c.otherwise ? ` else ${otherwise};` : ""} fi`;
  return line.length <= 100 && !line.includes("\n") ? line : undefined;
}

function printHeader(keyword: string, test: readonly Command[], closer: string, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  // A one-line case is a test too (`while case $s in *x*) ;; *) false ;; esac; do`).
  const inline = test.map((t) => printInline(t) ?? (t.kind === "case" ? printCaseLine(t, pad + keyword + " ") : undefined));
  if (inline.every((t) => t !== undefined)) return [`${pad}${keyword} ${inline.join("; ")}; ${closer}`];
  return [pad + keyword, ...printBody(test, depth + 1), pad + closer];
}

function printAndOrMultiline(c: Command, depth: number): string[] {
  // `{ … }` groups keep the structure explicit when a side is a compound command.
  const pad = INDENT.repeat(depth);
  // A group operand is printed by its body: the braces are already there.
  const operand = (x: Command) => (x.kind === "group" ? printBody(x.body, depth + 1) : printCommand(x, depth + 1));
  if (c.kind === "not") return [pad + "!" + " {", ...operand(c.command), pad + "}" + (c.command.kind === "group" ? printRedirects(c.command.redirects) : "")];
  if (c.kind !== "and" && c.kind !== "or") return printCommand(c, depth);
  const op = c.kind === "and" ? "&&" : "||";
  // A group's own redirections follow its closing brace (`} 2>/dev/null <"$f" || …`).
  const after = (x: Command) => (x.kind === "group" ? printRedirects(x.redirects) : "");
  // A one-line right side follows the operator on the closing line.
  const right = c.right.kind === "and" || c.right.kind === "or" ? undefined : printInline(c.right);
  if (right !== undefined) return [pad + "{", ...operand(c.left), `${pad}}${after(c.left)} ${op} ${right}`];
  return [
    pad + "{",
    ...operand(c.left),
    `${pad}}${after(c.left)} ${op} {`,
    ...operand(c.right),
    pad + "}" + after(c.right),
  ];
}

/** One-line form of a command, or undefined when it needs several lines. */
function printInline(c: Command): string | undefined {
  switch (c.kind) {
    case "simple":
      return hasHeredoc(c) ? undefined : printSimple(c);
    case "comment":
      return `# ${c.text}`;
    case "not": {
      const inner = printInline(c.command);
      if (inner === undefined) return undefined;
      // `! ! x` is not sh (one `!` per pipeline): an inner `!` goes in braces, as a list does.
      return c.command.kind === "and" || c.command.kind === "or" || c.command.kind === "not" ? `! { ${inner}; }` : `! ${inner}`;
    }
    case "and":
    case "or": {
      const leftInner = printInline(c.left);
      const rightInner = printInline(c.right);
      if (leftInner === undefined || rightInner === undefined) return undefined;
      // `A && B || C` means `{ A && B; } || C`, but reads like if-then-else (shellcheck SC2015): braced.
      const left = c.kind === "or" && c.left.kind === "and" ? `{ ${leftInner}; }` : leftInner;
      const right = c.right.kind === "and" || c.right.kind === "or" ? `{ ${rightInner}; }` : rightInner;
      return `${left} ${c.kind === "and" ? "&&" : "||"} ${right}`;
    }
    case "group": {
      const inner = c.body.map(printInline);
      if (inner.some((t) => t === undefined) || inner.length === 0) return undefined;
      return `{ ${inner.join("; ")}; }${printRedirects(c.redirects)}`;
    }
    default:
      return undefined;
  }
}

/** A `for` list word: text ending in `,` is quoted, or it reads like a comma-separated list (shellcheck SC2258). */
function printForWord(w: Word): string {
  const text = sh.literalText(w);
  return text !== undefined && text.endsWith(",") ? quoteLiteral(text, true) : printWord(w);
}

const isTest = (c: Simple): boolean => c.words.length > 0 && c.words[0]!.parts.length === 1 && c.words[0]!.parts[0]!.kind === "lit" && c.words[0]!.parts[0]!.syntax === true && c.words[0]!.parts[0]!.text === "[";

/** Text that `[` could take for an operator (`-n`, `!`, `=` …; not a negative number) is quoted when it is an operand. */
function printTestOperand(w: Word): string {
  const text = w.parts.every((p) => p.kind === "lit" && !p.syntax) ? sh.literalText(w) : undefined;
  return text !== undefined && /^(-(?![0-9])|!|\(|\)|=)/.test(text) ? quoteLiteral(text, true) : printWord(w);
}

function printSimple(c: Simple): string {
  const parts = [
    // An empty value before another word is `''`: `a= b=1` reads like a mistake (SC1007).
    ...c.assigns.map((a, i) => {
      const value = printAssignValue(a.value);
      const followed = i < c.assigns.length - 1 || c.words.length > 0;
      return `${a.name}=${value === "" && followed ? "''" : value}`;
    }),
    ...c.words.map((w, i) => (i > 0 && isTest(c) ? printTestOperand(w) : printWord(w))),
    ...c.redirects.map(printRedirect),
  ];
  return parts.join(" ");
}
