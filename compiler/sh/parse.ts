import type { Arith, ArithOp, Command, Param, ParamOp, Pattern, PatternPart, Redirect, Simple, Word, WordPart } from "./ast.ts";

/**
 * Reads sh source into the shell AST: the part of POSIX sh the runtime helpers are written in
 * (compiler/runtime/*.sh) — function definitions, simple commands with assignments and
 * redirections, `if`/`while`/`for`/`case`, `{ …; }`, `&&`, `||`, `!`, quoting, parameter
 * expansions with their operators, arithmetic. Anything else (pipes, subshells, here-documents,
 * backquotes …) is an error: the helpers are written in what the AST can say, so that the
 * printer prints them and the passes see into them.
 *
 * Comment lines are documentation and are dropped, except shellcheck directives, which stay
 * as comment commands where they stand.
 */
export function parseScript(source: string, file = "<sh>"): Command[] {
  const p = new Parser(source, file);
  const commands = p.list(() => false);
  p.skipBlank();
  if (!p.done()) p.error("unexpected text");
  return commands;
}

const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "while", "do", "done", "for", "in", "case", "esac", "{", "}", "!"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly file: string,
  ) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  error(message: string): never {
    const line = this.s.slice(0, this.i).split("\n").length;
    throw new Error(`${this.file}:${line}: ${message}: ${JSON.stringify(this.s.slice(this.i, this.i + 30))}`);
  }

  private peek(n = 0): string {
    return this.s[this.i + n] ?? "";
  }

  private startsWith(text: string): boolean {
    return this.s.startsWith(text, this.i);
  }

  /** Spaces and tabs (and backslash-newlines). */
  private skipSpaces(): void {
    for (;;) {
      const c = this.peek();
      if (c === " " || c === "\t") this.i++;
      else if (c === "\\" && this.peek(1) === "\n") this.i += 2;
      else return;
    }
  }

  /** Blank lines, spaces, `;` separators and documentation comments; shellcheck directives are returned. */
  skipBlank(directives?: Command[]): void {
    for (;;) {
      this.skipSpaces();
      const c = this.peek();
      if (c === "\n" || (c === ";" && this.peek(1) !== ";")) this.i++;
      else if (c === "#") {
        const end = this.s.indexOf("\n", this.i);
        const text = this.s.slice(this.i + 1, end < 0 ? undefined : end).trim();
        if (/^shellcheck\s/.test(text)) {
          if (!directives) this.error("a shellcheck directive where no command can stand");
          directives.push({ kind: "comment", text });
        }
        this.i = end < 0 ? this.s.length : end;
      } else return;
    }
  }

  /** The next word if it is a reserved word at this point. */
  private keyword(): string | undefined {
    const m = /^(?:[A-Za-z]+|[{}!])/.exec(this.s.slice(this.i, this.i + 8));
    if (!m || !KEYWORDS.has(m[0])) return undefined;
    const after = this.s[this.i + m[0].length] ?? "";
    return after === "" || /[\s;&|()]/.test(after) ? m[0] : undefined;
  }

  private expectKeyword(word: string): void {
    this.skipBlank();
    if (this.keyword() !== word) this.error(`expected '${word}'`);
    this.i += word.length;
  }

  /** Commands up to one of the words `stop` accepts (not consumed). */
  list(stop: (keyword: string | undefined) => boolean): Command[] {
    const out: Command[] = [];
    for (;;) {
      const directives: Command[] = [];
      this.skipBlank(directives);
      out.push(...directives);
      if (this.done() || stop(this.keyword()) || this.startsWith(";;") || this.peek() === ")") return out;
      out.push(this.andOr());
      this.skipSpaces();
      const c = this.peek();
      if (c !== "" && c !== "\n" && c !== ";" && c !== "#" && !stop(this.keyword()) && !this.startsWith(";;")) this.error("expected the end of a command");
    }
  }

  private andOr(): Command {
    let left = this.pipeline();
    for (;;) {
      this.skipSpaces();
      const op = this.startsWith("&&") ? "and" : this.startsWith("||") ? "or" : undefined;
      if (!op) return left;
      this.i += 2;
      this.skipBlank();
      left = { kind: op, left, right: this.pipeline() };
    }
  }

  private pipeline(): Command {
    this.skipSpaces();
    if (this.keyword() === "!") {
      this.i++;
      return { kind: "not", command: this.command() };
    }
    const c = this.command();
    this.skipSpaces();
    if (this.peek() === "|" && this.peek(1) !== "|") this.error("pipes are not supported");
    return c;
  }

  private command(): Command {
    this.skipSpaces();
    switch (this.keyword()) {
      case "if":
        return this.ifCommand();
      case "while":
        return this.whileCommand();
      case "for":
        return this.forCommand();
      case "case":
        return this.caseCommand();
      case "{": {
        this.i++;
        const body = this.list((k) => k === "}");
        this.expectKeyword("}");
        const redirects = this.redirects();
        return redirects.length > 0 ? { kind: "group", body, redirects } : { kind: "group", body };
      }
      case undefined:
        break;
      default:
        this.error("unexpected reserved word");
    }
    const name = NAME.exec(this.s.slice(this.i))?.[0];
    if (name && /^\s*\(\s*\)/.test(this.s.slice(this.i + name.length))) {
      this.i += name.length;
      this.i = this.s.indexOf(")", this.i) + 1;
      this.skipBlank();
      if (this.keyword() !== "{") this.error("a function body must be a { …; } group");
      this.i++;
      const body = this.list((k) => k === "}");
      this.expectKeyword("}");
      return { kind: "function", name, body };
    }
    return this.simple();
  }

  private ifCommand(): Command {
    this.i += 2;
    const clauses: { test: Command[]; body: Command[] }[] = [];
    let otherwise: Command[] | undefined;
    for (;;) {
      const test = this.list((k) => k === "then");
      this.expectKeyword("then");
      const body = this.list((k) => k === "elif" || k === "else" || k === "fi");
      clauses.push({ test, body });
      this.skipBlank();
      const k = this.keyword();
      if (k === "elif") {
        this.i += 4;
        continue;
      }
      if (k === "else") {
        this.i += 4;
        otherwise = this.list((x) => x === "fi");
      }
      this.expectKeyword("fi");
      return otherwise ? { kind: "if", clauses, otherwise } : { kind: "if", clauses };
    }
  }

  private whileCommand(): Command {
    this.i += 5;
    const test = this.list((k) => k === "do");
    this.expectKeyword("do");
    const body = this.list((k) => k === "done");
    this.expectKeyword("done");
    return { kind: "while", test, body };
  }

  private forCommand(): Command {
    this.i += 3;
    this.skipSpaces();
    const name = NAME.exec(this.s.slice(this.i))?.[0];
    if (!name) this.error("expected a name after for");
    this.i += name.length;
    this.skipSpaces();
    let words: Word[] = [{ parts: [{ kind: "param", name: "@" }] }];
    if (this.keyword() === "in") {
      this.i += 2;
      words = [];
      for (;;) {
        this.skipSpaces();
        const c = this.peek();
        if (c === ";" || c === "\n" || c === "") break;
        words.push(this.word("for"));
      }
    }
    this.skipBlank();
    this.expectKeyword("do");
    const body = this.list((k) => k === "done");
    this.expectKeyword("done");
    return { kind: "for", name, words, body };
  }

  private caseCommand(): Command {
    this.i += 4;
    this.skipSpaces();
    const subject = this.word("argument");
    this.expectKeyword("in");
    const arms: { patterns: Pattern[]; body: Command[] }[] = [];
    for (;;) {
      this.skipBlank();
      if (this.keyword() === "esac") {
        this.i += 4;
        return { kind: "case", subject, arms };
      }
      if (this.peek() === "(") this.i++;
      const patterns: Pattern[] = [];
      for (;;) {
        this.skipSpaces();
        patterns.push(this.word("pattern") as Pattern);
        this.skipSpaces();
        if (this.peek() === "|") {
          this.i++;
          continue;
        }
        if (this.peek() !== ")") this.error("expected ')' after a pattern");
        this.i++;
        break;
      }
      const body = this.list((k) => k === "esac");
      this.skipBlank();
      if (this.startsWith(";;")) this.i += 2;
      else if (this.keyword() !== "esac") this.error("expected ';;'");
      arms.push({ patterns, body });
    }
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      this.skipSpaces();
      const r = this.redirect();
      if (!r) return out;
      out.push(r);
    }
  }

  private redirect(): Redirect | undefined {
    const m = /^([0-9]?)(>>|>&|<<|>|<)/.exec(this.s.slice(this.i, this.i + 4));
    if (!m) return undefined;
    const op = m[2] as Redirect["op"];
    if (op === "<<") this.error("here-documents are not supported");
    this.i += m[0].length;
    this.skipSpaces();
    const fd = m[1] ? Number(m[1]) : op === "<" ? 0 : 1;
    return { fd, op, target: this.word("argument") };
  }

  private simple(): Simple {
    const c: Simple = { kind: "simple", assigns: [], words: [], redirects: [] };
    for (;;) {
      this.skipSpaces();
      const ch = this.peek();
      if (ch === "" || ch === "\n" || ch === ";" || ch === "&" || ch === "|" || ch === ")" || ch === "#") break;
      if (c.words.length > 0 && this.keyword() === "}" ) break;
      const r = this.redirect();
      if (r) {
        c.redirects.push(r);
        continue;
      }
      const assign = c.words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(this.s.slice(this.i)) : null;
      if (assign) {
        this.i += assign[0].length;
        const ch2 = this.peek();
        const value = ch2 === "" || /[\s;&|)]/.test(ch2) ? { parts: [] } : this.word("assignment");
        c.assigns.push({ name: assign[1]!, value });
        continue;
      }
      if (c.words.length === 0 && c.assigns.length === 0 && c.redirects.length === 0 && this.keyword() === "}") break;
      c.words.push(this.word("argument"));
    }
    if (c.assigns.length === 0 && c.words.length === 0 && c.redirects.length === 0) this.error("expected a command");
    return c;
  }

  // --- Words --------------------------------------------------------------------------------------

  /**
   * One word. In a pattern (and a `for` list, which is globbed) unquoted `*`, `?` and `[…]` are
   * glob parts; elsewhere they are text. A word that is one single-quoted string is command
   * syntax the helper's author wrote (a printf format), printed as written.
   */
  word(where: "argument" | "assignment" | "pattern" | "for" | "inner"): Word {
    const parts: (WordPart | PatternPart)[] = [];
    const text = (t: string) => {
      const last = parts[parts.length - 1];
      if (last?.kind === "lit" && !last.syntax) parts[parts.length - 1] = { kind: "lit", text: last.text + t };
      else parts.push({ kind: "lit", text: t });
    };
    const globbing = where === "pattern" || where === "for";
    const start = this.i;
    let singleQuotedOnly = true;
    // Unquoted plain text (`[`, `-n`, `=`, `]`, `return`, `PATH=/nonexistent` …): written bare, so printed bare.
    let plain = true;
    for (;;) {
      const c = this.peek();
      if (c === "" || /\s/.test(c) || c === ";" || c === "&" || c === "|" || c === "<" || c === ">") break;
      if (c === ")" && where !== "inner") break;
      if (c === "(") this.error("unexpected '('");
      if (c === "}" && where === "inner") break;
      if (!/[A-Za-z0-9_=!\[\].,:\/@%+-]/.test(c)) plain = false;
      if (c === "'") {
        const end = this.s.indexOf("'", this.i + 1);
        if (end < 0) this.error("unterminated quote");
        text(this.s.slice(this.i + 1, end));
        this.i = end + 1;
        continue;
      }
      singleQuotedOnly = false;
      if (c === '"') {
        this.i++;
        this.doubleQuoted(parts, text);
        continue;
      }
      if (c === "\\") {
        const next = this.peek(1);
        if (next === "\n") {
          this.i += 2;
          continue;
        }
        text(next);
        this.i += 2;
        continue;
      }
      if (c === "$") {
        parts.push(this.dollar());
        continue;
      }
      if (c === "`") this.error("backquotes are not supported");
      if (globbing && (c === "*" || c === "?")) {
        parts.push({ kind: "glob", text: c });
        this.i++;
        continue;
      }
      if (globbing && c === "[") {
        const end = this.s.indexOf("]", this.i + 2);
        if (end < 0) this.error("unterminated bracket expression");
        parts.push({ kind: "glob", text: this.s.slice(this.i, end + 1) });
        this.i = end + 1;
        continue;
      }
      text(c);
      this.i++;
    }
    if (this.i === start && where !== "inner") this.error("expected a word");
    if (singleQuotedOnly && parts.length === 1 && parts[0]!.kind === "lit" && this.s[start] === "'" && where === "argument") {
      return { parts: [{ kind: "lit", text: parts[0]!.text, syntax: true }] };
    }
    const bare = where === "argument" ? /^[A-Za-z0-9_=!\[\]-]+$/ : where === "assignment" ? /^[A-Za-z0-9_.,:\/@%+=-]+$/ : undefined;
    if (plain && bare && parts.length === 1 && parts[0]!.kind === "lit" && bare.test(parts[0]!.text)) {
      return { parts: [{ kind: "lit", text: parts[0]!.text, syntax: true }] };
    }
    return { parts: parts as WordPart[] };
  }

  private doubleQuoted(parts: (WordPart | PatternPart)[], text: (t: string) => void): void {
    for (;;) {
      const c = this.peek();
      if (c === "") this.error("unterminated double quote");
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === "\\") {
        const next = this.peek(1);
        if (next === "\n") this.i += 2;
        else if ("$`\"\\".includes(next)) {
          text(next);
          this.i += 2;
        } else {
          text("\\");
          this.i++;
        }
        continue;
      }
      if (c === "$") {
        parts.push(this.dollar());
        continue;
      }
      if (c === "`") this.error("backquotes are not supported");
      text(c);
      this.i++;
    }
  }

  /** `$name`, `$1`, `$@` …, `${…}`, `$((…))`. */
  private dollar(): WordPart {
    this.i++;
    const c = this.peek();
    if (this.startsWith("((")) {
      this.i += 2;
      const expr = this.arith();
      this.skipSpaces();
      if (!this.startsWith("))")) this.error("expected '))'");
      this.i += 2;
      return { kind: "arith", expr };
    }
    if (c === "(") this.error("command substitutions are not supported in the helpers");
    if (c === "{") {
      this.i++;
      return this.braced();
    }
    if (/[0-9@#*?$!-]/.test(c)) {
      this.i++;
      return { kind: "param", name: c };
    }
    const name = NAME.exec(this.s.slice(this.i))?.[0];
    if (!name) return { kind: "lit", text: "$" };
    this.i += name.length;
    return { kind: "param", name };
  }

  private braced(): Param {
    if (this.peek() === "#" && this.peek(1) !== "}") {
      this.i++;
      const name = this.paramName();
      this.expect("}");
      return { kind: "param", name, op: { kind: "length" } };
    }
    const name = this.paramName();
    if (this.peek() === "}") {
      this.i++;
      return { kind: "param", name };
    }
    const m = /^(:?[-+]|##|#|%%|%)/.exec(this.s.slice(this.i, this.i + 2));
    if (!m) this.error("unsupported parameter expansion");
    this.i += m[0].length;
    let op: ParamOp;
    if (m[0].endsWith("-") || m[0].endsWith("+")) {
      const word = this.word("inner");
      op = { kind: m[0].endsWith("-") ? "default" : "alternative", colon: m[0].startsWith(":"), word };
    } else {
      op = { kind: "strip", op: m[0] as "#" | "##" | "%" | "%%", pattern: this.innerPattern() };
    }
    this.expect("}");
    return { kind: "param", name, op };
  }

  /** The pattern of `${x#pattern}`: globs bare, quoted text literal. */
  private innerPattern(): Pattern {
    const saved = this.i;
    const w = this.wordUntilBrace();
    if (this.i === saved) return { parts: [] };
    return w;
  }

  private wordUntilBrace(): Pattern {
    const parts: PatternPart[] = [];
    const text = (t: string) => {
      const last = parts[parts.length - 1];
      if (last?.kind === "lit") parts[parts.length - 1] = { kind: "lit", text: last.text + t };
      else parts.push({ kind: "lit", text: t });
    };
    for (;;) {
      const c = this.peek();
      if (c === "" || c === "}") return { parts };
      if (c === "'") {
        const end = this.s.indexOf("'", this.i + 1);
        text(this.s.slice(this.i + 1, end));
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        this.doubleQuoted(parts, text);
      } else if (c === "\\") {
        text(this.peek(1));
        this.i += 2;
      } else if (c === "$") parts.push(this.dollar() as PatternPart);
      else if (c === "*" || c === "?") {
        parts.push({ kind: "glob", text: c });
        this.i++;
      } else if (c === "[") {
        const end = this.s.indexOf("]", this.i + 2);
        parts.push({ kind: "glob", text: this.s.slice(this.i, end + 1) });
        this.i = end + 1;
      } else {
        text(c);
        this.i++;
      }
    }
  }

  private paramName(): string {
    const c = this.peek();
    if (/[0-9@#*?$!-]/.test(c)) {
      this.i++;
      return c;
    }
    const name = NAME.exec(this.s.slice(this.i))?.[0];
    if (!name) this.error("expected a parameter name");
    this.i += name.length;
    return name;
  }

  private expect(text: string): void {
    if (!this.startsWith(text)) this.error(`expected '${text}'`);
    this.i += text.length;
  }

  // --- Arithmetic ---------------------------------------------------------------------------------

  private static readonly LEVELS: ArithOp[][] = [["||"], ["&&"], ["==", "!="], ["<=", ">=", "<", ">"], ["+", "-"], ["*", "/", "%"]];

  private arith(): Arith {
    const test = this.binaryLevel(0);
    this.skipSpaces();
    if (this.peek() !== "?") return test;
    this.i++;
    const whenTrue = this.arith();
    this.skipSpaces();
    this.expect(":");
    const whenFalse = this.arith();
    return { kind: "conditional", test, whenTrue, whenFalse };
  }

  private binaryLevel(level: number): Arith {
    if (level === Parser.LEVELS.length) return this.unary();
    let left = this.binaryLevel(level + 1);
    for (;;) {
      this.skipSpaces();
      const op = Parser.LEVELS[level]!.find((o) => this.startsWith(o) && !(o.length === 1 && (o === "<" || o === ">") && this.peek(1) === "="));
      if (!op || (op.length === 1 && this.peek(1) === op)) return left;
      this.i += op.length;
      left = { kind: "binary", op, left, right: this.binaryLevel(level + 1) };
    }
  }

  private unary(): Arith {
    this.skipSpaces();
    const c = this.peek();
    if (c === "-" || c === "!") {
      this.i++;
      return { kind: "unary", op: c, operand: this.unary() };
    }
    if (c === "(") {
      this.i++;
      const inner = this.arith();
      this.skipSpaces();
      this.expect(")");
      return inner;
    }
    if (c === "$") {
      const part = this.dollar();
      // A bare name is a variable of the arithmetic; `$1`, `$#` and `${#x}` stay expansions.
      if (part.kind === "param") return part.op || !NAME.test(part.name) ? { kind: "expansion", part } : { kind: "var", name: part.name };
      this.error("unsupported arithmetic operand");
    }
    const num = /^[0-9]+/.exec(this.s.slice(this.i))?.[0];
    if (num) {
      this.i += num.length;
      return { kind: "num", value: Number(num) };
    }
    const name = NAME.exec(this.s.slice(this.i))?.[0];
    if (!name) this.error("expected an arithmetic operand");
    this.i += name.length;
    return { kind: "var", name };
  }
}
