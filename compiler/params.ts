import { basename } from "node:path";
import type { ParamRead } from "./sh/ast.ts";

/**
 * `initsh params`: the kernel command-line parameters a compiled init reads, documented from
 * its code — every `cmdline.*` read the final script can still make, with its kind, its
 * fallback and the TSDoc of the statement that reads it (or of the constant naming it).
 */

export interface KernelParameter {
  /** The name; undefined for a read whose name is known only at boot (listed as such). */
  name: string | undefined;
  kind: ParamRead["kind"];
  /** The value when the parameter is absent, as the source gives it (`"ext4"`, `10`, an expression). */
  fallback?: string;
  doc?: string;
  /** Where it is read (`init.ts:42`; a boot library line for the library's own). */
  at: string[];
}

const KIND_TEXT: Record<ParamRead["kind"], string> = {
  string: "string",
  int: "integer",
  flag: "flag",
  list: "list (every occurrence)",
  presence: "present or not",
  args: "the init's arguments (after --)",
};

/** One entry per name and kind, in name order (reads whose name is not known come last). */
export function kernelParameters(reads: readonly ParamRead[]): KernelParameter[] {
  const byKey = new Map<string, KernelParameter>();
  for (const r of reads) {
    const key = `${r.name ?? "\u0000"}\u0001${r.kind}`;
    const where = `${basename(r.origin.file)}:${r.origin.line}`;
    const known = byKey.get(key);
    if (known) {
      if (!known.at.includes(where)) known.at.push(where);
      known.doc ??= r.doc;
      if (known.fallback !== r.fallback) known.fallback = [known.fallback, r.fallback].filter((f) => f !== undefined).join(" or ");
      continue;
    }
    byKey.set(key, { name: r.name, kind: r.kind, ...(r.fallback !== undefined ? { fallback: r.fallback } : {}), ...(r.doc ? { doc: r.doc } : {}), at: [where] });
  }
  return [...byKey.values()].sort((a, b) => (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff") || a.kind.localeCompare(b.kind));
}

const title = (p: KernelParameter): string => (p.kind === "args" ? "-- ARGS" : (p.name ?? "(a name computed at boot)"));
const fallbackText = (p: KernelParameter): string => p.fallback ?? "";
const oneLine = (s: string | undefined): string => (s ?? "").replace(/\s*\n\s*/g, " ");

/** The parameters as text (for a terminal), Markdown (a table for a README) or JSON. */
export function formatParameters(params: readonly KernelParameter[], format: "text" | "markdown" | "json"): string {
  if (format === "json") return JSON.stringify(params, null, 2) + "\n";
  if (format === "markdown") {
    const rows = params.map((p) => `| \`${title(p)}\` | ${KIND_TEXT[p.kind]} | ${p.fallback === undefined ? "" : `\`${fallbackText(p)}\``} | ${oneLine(p.doc).replaceAll("|", "\\|")} |`);
    return ["| parameter | type | default | meaning |", "|---|---|---|---|", ...rows].join("\n") + "\n";
  }
  return params
    .map((p) => {
      const head = `${title(p)} — ${KIND_TEXT[p.kind]}${p.fallback === undefined ? "" : `, default ${fallbackText(p)}`} (${p.at.join(", ")})`;
      return p.doc ? `${head}\n${p.doc.replace(/^/gm, "    ")}` : head;
    })
    .join("\n")
    .concat(params.length > 0 ? "\n" : "");
}
