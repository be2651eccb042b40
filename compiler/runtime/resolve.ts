import { bootHelpers } from "./boot.ts";
import { helpers, type Helper } from "./helpers.ts";

const registry: Record<string, Helper> = { ...helpers, ...Object.fromEntries(bootHelpers.map((h) => [h.name, h])) };

/** The helpers a program needs, dependencies first, each once. */
export function resolveHelpers(used: Iterable<string>): Helper[] {
  const out: Helper[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const helper = registry[name];
    if (!helper) throw new Error(`internal: unknown runtime helper ${name}`);
    helper.uses.forEach(visit);
    out.push(helper);
  };
  [...used].sort().forEach(visit);
  const replaced = new Set(out.flatMap((h) => h.replaces ?? []));
  return out.filter((h) => !replaced.has(h.name));
}

/**
 * The helpers still used once the passes have run: a helper whose every call sat in code the
 * passes removed (a branch of a constant test) is left out. A helper counts as used when a
 * name it defines occurs in the program's text; one that defines no name is always kept.
 */
export function liveHelpers(used: Iterable<string>, programText: string): string[] {
  return [...used].filter((name) => {
    const defined = definedNames(registry[name]?.source ?? "");
    return defined.length === 0 || defined.some((d) => new RegExp(`\\b${d}\\b`).test(programText));
  });
}

function definedNames(source: string): string[] {
  const functions = [...source.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)\(\)\s*\{/gm)].map((m) => m[1]!);
  const variables = [...source.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!);
  return [...functions, ...variables];
}
