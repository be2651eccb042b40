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
