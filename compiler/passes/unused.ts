import type { Arith, Command, Pattern, Word } from "../sh/ast.ts";

/**
 * Drops assignments to variables nothing reads (a record field no one looks at, a
 * parameter a function ignores). Assignments here never run commands, so removing them
 * changes nothing but the noise. Compiler registers (`__…`) are left alone.
 */
export function removeUnusedAssignments(commands: Command[]): Command[] {
  const read = new Set<string>();
  commands.forEach((c) => collectReads(c, read));
  const prune = (list: Command[]): Command[] => list.flatMap((c) => pruneCommand(c, read, prune));
  return prune(commands);
}

function pruneCommand(c: Command, read: Set<string>, prune: (l: Command[]) => Command[]): Command[] {
  switch (c.kind) {
    case "simple": {
      if (c.words.length > 0 || c.redirects.length > 0) return [c];
      const assigns = c.assigns.filter((a) => read.has(a.name) || a.name.startsWith("__"));
      return assigns.length === 0 ? [] : [{ ...c, assigns }];
    }
    case "if":
      return [{ ...c, clauses: c.clauses.map((k) => ({ test: k.test, body: prune(k.body) })), ...(c.otherwise ? { otherwise: prune(c.otherwise) } : {}) }];
    case "while":
      return [{ ...c, body: prune(c.body) }];
    case "for":
      return [{ ...c, body: prune(c.body) }];
    case "case":
      return [{ ...c, arms: c.arms.map((a) => ({ patterns: a.patterns, body: prune(a.body) })) }];
    case "function":
      return [{ ...c, body: prune(c.body) }];
    default:
      return [c];
  }
}

function collectReads(c: Command, read: Set<string>): void {
  const words = (ws: Word[]) => ws.forEach((w) => wordReads(w, read));
  switch (c.kind) {
    case "simple":
      words(c.words);
      c.assigns.forEach((a) => wordReads(a.value, read));
      c.redirects.forEach((r) => wordReads(r.target, read));
      return;
    case "if":
      c.clauses.forEach((k) => [...k.test, ...k.body].forEach((x) => collectReads(x, read)));
      c.otherwise?.forEach((x) => collectReads(x, read));
      return;
    case "while":
      [...c.test, ...c.body].forEach((x) => collectReads(x, read));
      return;
    case "for":
      words(c.words);
      c.body.forEach((x) => collectReads(x, read));
      return;
    case "case":
      wordReads(c.subject, read);
      c.arms.forEach((a) => {
        a.patterns.forEach((p) => patternReads(p, read));
        a.body.forEach((x) => collectReads(x, read));
      });
      return;
    case "and":
    case "or":
      collectReads(c.left, read);
      collectReads(c.right, read);
      return;
    case "not":
      collectReads(c.command, read);
      return;
    case "group":
    case "function":
      c.body.forEach((x) => collectReads(x, read));
      return;
    case "comment":
    case "verbatim":
      return;
  }
}

function wordReads(w: Word, read: Set<string>): void {
  for (const p of w.parts) {
    if (p.kind === "param") {
      read.add(p.name);
      if (p.op?.kind === "default" || p.op?.kind === "alternative") wordReads(p.op.word, read);
      if (p.op?.kind === "strip") patternReads(p.op.pattern, read);
    } else if (p.kind === "arith") arithReads(p.expr, read);
  }
}

function patternReads(p: Pattern, read: Set<string>): void {
  for (const part of p.parts) {
    if (part.kind === "param") read.add(part.name);
    else if (part.kind === "arith") arithReads(part.expr, read);
  }
}

function arithReads(a: Arith, read: Set<string>): void {
  switch (a.kind) {
    case "var":
      read.add(a.name);
      return;
    case "expansion":
      wordReads({ parts: [a.part] }, read);
      return;
    case "unary":
      arithReads(a.operand, read);
      return;
    case "binary":
      arithReads(a.left, read);
      arithReads(a.right, read);
      return;
    case "conditional":
      arithReads(a.test, read);
      arithReads(a.whenTrue, read);
      arithReads(a.whenFalse, read);
      return;
    case "num":
      return;
  }
}
