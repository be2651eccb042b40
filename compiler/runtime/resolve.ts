import { helperLibrary, type Helper } from "./library.ts";

export type { Helper } from "./library.ts";

/** The helpers a program needs, dependencies first, each once. */
export function resolveHelpers(used: Iterable<string>): Helper[] {
  const registry = helperLibrary();
  const out: Helper[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const helper = registry.get(name);
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
 * passes removed (a branch of a constant test) is left out. A helper counts as used when the
 * program mentions a name it defines; one that defines no name is always kept.
 */
export function liveHelpers(used: Iterable<string>, mentioned: ReadonlySet<string>): string[] {
  const registry = helperLibrary();
  return [...used].filter((name) => {
    const defined = registry.get(name)?.defines ?? [];
    return defined.length === 0 || defined.some((d) => mentioned.has(d));
  });
}
