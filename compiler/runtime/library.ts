import type { Command } from "../sh/ast.ts";
import { literalText } from "../sh/ast.ts";
import { parseScript } from "../sh/parse.ts";
import { forEachRead } from "../sh/reads.ts";
import { forEachCommand } from "../sh/walk.ts";
import { helperSource } from "./sources.ts";

/**
 * The runtime helpers: the sh primitives that string, array, file and command operations
 * lower to. They sit below the DSL (arrays need `eval` over compiler-made names, strings need
 * parameter-expansion tricks), so they are written in sh — in compiler/runtime/sh/*.sh — and
 * read into the shell AST like the rest of the script: the printer quotes them, the pipeline
 * sees which names they define and call, and only the ones a program uses are emitted.
 *
 * Conventions: arguments are positional, results go to `__r` (unset for `undefined`), booleans
 * are the exit status. Helpers never recurse, so each keeps its state in variables of its own
 * prefix (`__sp_…`) instead of `local`, which POSIX lacks. Pattern operators (`${x%%…}`) appear
 * only in assignments on named variables: posh mishandles them on positional parameters and
 * inside double quotes. Names starting with `__` are reserved for the helpers and the compiler.
 * Arrays are references, as in JS: a variable holds an array id N, elements live in `__aN_0 …
 * __aN_k` and the length in `__aN_n`; ids are numbers the compiler makes, so the `eval`s only
 * ever see digits and compiler names, never data.
 *
 * In a .sh file, each helper starts at a line `# helper: NAME`; `# replaces: A B` names helpers
 * it includes (defining the same function, so it is emitted instead of them) and `# uses: A`
 * one it needs that its commands do not name (a variant of the printf stand-in). The helpers
 * it calls are read off its commands. Other comment lines are documentation (shellcheck
 * directives excepted, which stay with the command they precede).
 */
export interface Helper {
  name: string;
  /** The helper's commands, as they are emitted. */
  commands: Command[];
  /** The functions and variables it defines. */
  defines: string[];
  /** The helpers it needs, by name. */
  uses: string[];
  /** Other helpers this one includes: emitted instead of them. */
  replaces?: string[];
}

const FILES = ["print", "arrays", "strings", "numbers", "commands", "files"];

let loaded: Map<string, Helper> | undefined;

/** Every runtime helper by name, read once per process. */
export function helperLibrary(): ReadonlyMap<string, Helper> {
  return (loaded ??= readLibrary(FILES));
}

function readLibrary(files: readonly string[]): Map<string, Helper> {
  const out = new Map<string, Helper>();
  for (const base of files) {
    const file = `compiler/runtime/sh/${base}.sh`;
    const text = helperSource(base);
    for (const chunk of text.split(/^(?=# helper: )/m).filter((c) => c.startsWith("# helper: "))) {
      const name = /^# helper: (\S+)/.exec(chunk)![1]!;
      const listed = (key: string) => [...chunk.matchAll(new RegExp(`^# ${key}: (.*)$`, "gm"))].flatMap((m) => m[1]!.split(/\s+/).filter(Boolean));
      const commands = parseScript(chunk, `${file} (${name})`);
      const replaces = listed("replaces");
      out.set(name, { name, commands, defines: definedNames(commands), uses: listed("uses"), ...(replaces.length > 0 ? { replaces } : {}) });
    }
  }
  // A name several helpers define (printf) belongs to the one named after it.
  const owner = new Map<string, string>();
  for (const h of out.values()) for (const d of h.defines) if (!owner.has(d) || d === h.name) owner.set(d, h.name);
  for (const h of out.values()) {
    const called = calledNames(h.commands).flatMap((n) => {
      const o = owner.get(n);
      return o !== undefined && o !== h.name && !h.defines.includes(n) ? [o] : [];
    });
    h.uses = [...new Set([...h.uses, ...called])];
  }
  return out;
}

/** The functions a helper defines (at its top or inside an `if`), and the variables it sets at its top. */
function definedNames(commands: readonly Command[]): string[] {
  const out: string[] = [];
  const visit = (c: Command, top: boolean): void => {
    if (c.kind === "function") out.push(c.name);
    else if (c.kind === "simple" && top) c.assigns.forEach((a) => out.push(a.name));
    else if (c.kind === "if") c.clauses.forEach((k) => k.body.forEach((x) => visit(x, false)));
  };
  commands.forEach((c) => visit(c, true));
  return out;
}

/** The names a helper's commands run or read: the helpers it may call, and their variables (`$__nl`). */
function calledNames(commands: readonly Command[]): string[] {
  const out: string[] = [];
  forEachCommand(commands, (c) => {
    const first = c.kind === "simple" ? c.words[0] : undefined;
    const name = first && literalText(first);
    if (name !== undefined) out.push(name);
  });
  forEachRead(commands, (name) => out.push(name));
  return out;
}
