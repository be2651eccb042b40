// The type declarations a user's own project reads (compiler/build.mjs writes them into
// dist/types/): `import … from "initsh"` and `from "initsh/testing"` resolve to them through
// package.json's "types" conditions.
//
// The package ships its sources too — the compiler reads stdlib/*.ts and dsl/*.ts, the boot
// library written in the DSL, when it compiles an init — but a user's tsc must not: it would
// type-check them as the user's own code (TS5097 on their `.ts` imports). Declarations are read
// as declarations. testing/'s are only those its entry point reaches, and must need nothing
// but themselves: not the compiler (which is not shipped as source), not Node's types (a user's
// project need not have @types/node). Anything else there is a build error, named.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Writes the declarations of the boot library (`initsh`) and of `initsh/testing` into
 * `outdir`/types/ (`stdlib/`, `dsl/`, `testing/`, as in the package). Throws, naming the file,
 * when testing/'s public declarations reach anything outside testing/ or Node's modules.
 */
export function buildDeclarations(outdir = "dist") {
  const ts = createRequire(join(ROOT, "package.json"))("typescript");
  const out = join(resolve(ROOT, outdir), "types");
  const common = { declaration: true, emitDeclarationOnly: true, noEmit: false, rootDir: ROOT, outDir: out, skipLibCheck: true, allowImportingTsExtensions: true, strict: true };
  // The boot library, checked as the compiler checks a user's program: against dsl/lib.d.ts alone.
  const library = emit(ts, [join(ROOT, "dsl", "lib.d.ts"), join(ROOT, "stdlib", "index.ts")], {
    ...common,
    noLib: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const testing = emit(ts, [join(ROOT, "testing", "index.ts")], {
    ...common,
    types: ["node"],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const files = new Map([
    ...reachable(ts, library, join(out, "stdlib", "index.d.ts"), [join(out, "stdlib"), join(out, "dsl")]),
    ...reachable(ts, testing, join(out, "testing", "index.d.ts"), [join(out, "testing")]),
  ]);
  for (const [file, text] of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return [...files.keys()].map((f) => relative(out, f)).sort();
}

/** Emits the declarations of a program; returns them by output path, unwritten. */
function emit(ts, rootNames, options) {
  const files = new Map();
  const program = ts.createProgram({ rootNames, options });
  const result = program.emit(undefined, (file, text) => files.set(file, text), undefined, true);
  if (result.emitSkipped) throw new Error(`declarations of ${rootNames.map((f) => relative(ROOT, f)).join(", ")}: emit skipped`);
  return files;
}

/**
 * The declaration files `entry` reaches by relative imports, which must be inside the folders
 * `within`; anything else it imports or references is an error.
 */
function reachable(ts, files, entry, within) {
  const found = new Map();
  const visit = (file) => {
    if (found.has(file)) return;
    if (!within.some((dir) => file.startsWith(dir + "/"))) throw new Error(`declarations: ${relative(ROOT, file)} is reached from ${relative(ROOT, entry)}, outside ${within.map((d) => relative(ROOT, d)).join(" and ")}`);
    const text = files.get(file);
    if (text === undefined) throw new Error(`declarations: ${relative(ROOT, file)} is imported but was not emitted`);
    found.set(file, text);
    const { importedFiles, referencedFiles, typeReferenceDirectives, libReferenceDirectives } = ts.preProcessFile(text, true, true);
    const reference = [...referencedFiles, ...typeReferenceDirectives, ...libReferenceDirectives][0];
    if (reference) throw new Error(`declarations: ${relative(ROOT, file)} references "${reference.fileName}", which a user's project may not have`);
    for (const { fileName: specifier } of importedFiles) {
      if (!/^\.\.?\//.test(specifier)) throw new Error(`declarations: ${relative(ROOT, file)} imports "${specifier}", which a user's project may not have`);
      visit(join(dirname(file), specifier.replace(/\.ts$/, ".d.ts")));
    }
  };
  visit(entry);
  return found;
}
