/**
 * The fenced code blocks of a Markdown file, in order: the language, the file name that may
 * follow it (```ts init.ts — a file the reader is to write), the code and its line.
 */
export interface CodeBlock {
  language: string;
  /** The file the block is, when its info string names one. */
  file?: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/** Every fenced code block of `markdown`. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(?:\s+(\S+))?\s*$/.exec(lines[i]!);
    if (!open || open[1] === "") continue;
    const start = i;
    const code: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) code.push(lines[i]!);
    if (i === lines.length) throw new Error(`line ${start + 1}: the code block is not closed`);
    blocks.push({ language: open[1]!, ...(open[2] ? { file: open[2] } : {}), code: code.join("\n") + "\n", line: start + 1 });
  }
  return blocks;
}

/** What to do with a block, from its language and content. */
export type BlockKind = "file" | "shell" | "test" | "types" | "program";

/**
 * A block with a file name is written to that file; `sh` is run; TypeScript that imports
 * vitest is a test; TypeScript that only declares types is a listing of types; any other
 * TypeScript is a program to compile.
 */
export function kindOf(block: CodeBlock): BlockKind {
  if (block.file !== undefined) return "file";
  if (block.language === "sh") return "shell";
  if (block.language !== "ts") throw new Error(`line ${block.line}: a \`\`\`${block.language} block with no file name: this test cannot run it`);
  if (/from "vitest"/.test(block.code)) return "test";
  const withoutComments = block.code.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
  if (!/\bimport\b/.test(withoutComments) && /^(export\s+)?(interface|type)\s/m.test(withoutComments) && !/^(const|let|function|export\s+(const|function|default))\b/m.test(withoutComments)) return "types";
  return "program";
}
