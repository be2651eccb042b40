/**
 * The compiler's import graph, read from its sources (every relative `import`, `export … from`
 * and `import()`, type-only ones included: a type import is a dependency of the design too),
 * and the rules compiler/README.md states for it:
 *
 * - between compiler/'s folders (a file directly in compiler/ counts as a folder of its own), no cycle;
 * - compiler/lower/ is layered — analyses → context → visitors → the registry — and a file
 *   imports only from its own layer or the layers before it;
 * - inside lower/, no cycle between files at all.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ts } from "ts-morph";

export interface Edge {
  from: string;
  to: string;
}

/** Every relative import between the files under `dir` (paths relative to `root`). */
export function importEdges(root: string, dir: string): Edge[] {
  const files = readdirSync(join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|mts|cts|mjs|cjs)$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => join(dir, f));
  return files.flatMap((from) => {
    const info = ts.preProcessFile(readFileSync(join(root, from), "utf8"), true, true);
    return info.importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith("."))
      .map((spec) => ({ from, to: relative(root, resolve(root, dirname(from), spec)) }))
      .filter((e) => e.to.startsWith(dir + "/"));
  });
}

/** The strongly connected components with more than one node (or a self-loop): the cycles. */
export function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, new Set());
    if (!next.has(e.to)) next.set(e.to, new Set());
    next.get(e.from)!.add(e.to);
  }
  // Tarjan's algorithm, iteratively deep enough for any source tree.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1 || next.get(v)!.has(v)) out.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) connect(v);
  return out;
}

/** The folder of compiler/ a file is in: `compiler/lower/visitors/x.ts` → `lower`; a file directly in compiler/ is its own. */
export function folderOf(file: string): string {
  return file.split("/")[1]!;
}

/** The layers of compiler/lower/, in order: a file may import from its own layer and the ones before. */
export const LOWER_LAYERS: readonly { name: string; holds: (pathInLower: string) => boolean }[] = [
  { name: "analyses", holds: (p) => p.startsWith("analyses/") },
  { name: "context", holds: (p) => p.startsWith("context/") },
  { name: "visitors", holds: (p) => p.startsWith("visitors/") || p.startsWith("builtins/") || p.startsWith("intrinsics/") },
  { name: "registry", holds: (p) => p === "index.ts" },
];

/** The layer a file of compiler/lower/ belongs to (its index in LOWER_LAYERS), or -1. */
export function layerOf(file: string): number {
  const inLower = file.slice("compiler/lower/".length);
  return LOWER_LAYERS.findIndex((l) => l.holds(inLower));
}
