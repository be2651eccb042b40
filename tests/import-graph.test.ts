// The compiler's architecture, as compiler/README.md describes it: no import cycle between
// compiler/'s folders, compiler/lower/ in layers that import only downwards, and no cycle
// between the files of compiler/lower/. (tests/import-graph.ts reads the graph.)
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cycles, folderOf, importEdges, layerOf, LOWER_LAYERS } from "./import-graph.ts";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const edges = importEdges(ROOT, "compiler");

describe("the compiler's import graph", () => {
  it("reads the imports (a sanity check on the reader)", () => {
    expect(edges.some((e) => e.from === "compiler/index.ts" && e.to.startsWith("compiler/sh/"))).toBe(true);
  });

  it("has no cycle between compiler/'s folders", () => {
    const between = edges.map((e) => ({ from: folderOf(e.from), to: folderOf(e.to) })).filter((e) => e.from !== e.to);
    const found = cycles(between).map((c) => {
      const inCycle = new Set(c);
      const witnesses = edges.filter((e) => folderOf(e.from) !== folderOf(e.to) && inCycle.has(folderOf(e.from)) && inCycle.has(folderOf(e.to)));
      return `${c.join(" ⇄ ")}: ${witnesses.map((e) => `${e.from} → ${e.to}`).join(", ")}`;
    });
    expect(found).toEqual([]);
  });

  const lower = edges.filter((e) => e.from.startsWith("compiler/lower/") && e.to.startsWith("compiler/lower/"));

  it("puts every file of compiler/lower/ in a layer", () => {
    const files = new Set(importEdges(ROOT, "compiler/lower").flatMap((e) => [e.from, e.to]));
    expect([...files].filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it("imports only from the same layer of compiler/lower/ or an earlier one", () => {
    const upward = lower
      .filter((e) => layerOf(e.to) > layerOf(e.from))
      .map((e) => `${e.from} (${LOWER_LAYERS[layerOf(e.from)]?.name}) → ${e.to} (${LOWER_LAYERS[layerOf(e.to)]?.name})`);
    expect(upward).toEqual([]);
  });

  it("has no cycle between the files of compiler/lower/", () => {
    expect(cycles(lower).map((c) => c.join(" ⇄ "))).toEqual([]);
  });

  it("finds a cycle where there is one (the checker itself)", () => {
    expect(cycles([{ from: "a", to: "b" }, { from: "b", to: "c" }, { from: "c", to: "a" }, { from: "c", to: "d" }])).toEqual([["a", "b", "c"]]);
    expect(cycles([{ from: "a", to: "b" }, { from: "b", to: "c" }])).toEqual([]);
  });
});
