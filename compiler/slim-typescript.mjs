// The TypeScript the shipped compiler loads (dist/typescript.cjs): ts-morph's typescript.js
// without the language service and tsserver, which only editors use, and without the
// transformers, which only emitting uses: 1.9 MB of minified JavaScript instead of 3.6.
//
// typescript.js is one esbuild bundle of TypeScript's sources, with a `// src/<dir>/<file>.ts`
// comment before each. The compiler needs src/compiler (scanner, parser, binder, checker,
// program) and reads nodes and types through compiler/ts/nodes.ts, not through the methods
// the language service adds. So the file is unwrapped into an ES module that exports only what
// the compiler's sources read of `ts`, every top-level statement of the editor-only sections is
// left out, the few functions that alone lead to the transformers throw instead (EMIT_ONLY),
// the system layer does without node:crypto (REPLACED), and esbuild's tree shaking drops what
// nothing kept refers to. Then the minified result is parsed, and a statement left out is put
// back when a name it declares or writes to is referred to there: minifying renames every name
// that is bound, so a name still spelled out in a reference is one nothing declares. That
// repeats until nothing is put back.
//
// Anything unexpected in the file's shape throws; compiler/build.mjs then ships the whole file,
// minified. tests/shipped-compiler.test.ts checks that the slim one is what ships, and that it
// compiles every test program exactly as the full TypeScript does.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";

/** Sections of typescript.js that only editors and tsserver use (and the `ts.server` namespace). */
const EDITOR_ONLY = /^src\/(services|server|jsTyping|deprecatedCompat|typingsInstallerCore|typescript\/_namespaces\/ts\.server\.ts$)/;

/**
 * Functions of the compiler's part that only emitting JavaScript or declarations runs, with the
 * section each is in: the compiler type-checks (compiler/front/gate.ts asks for syntactic,
 * options, global and semantic diagnostics) and never emits. Each body becomes a `throw`, so
 * the transformers they alone reach (a sixth of what is left) are not shipped. The printer
 * stays: the checker prints types with it.
 */
const EMIT_ONLY = new Map([
  ["emitFiles", "src/compiler/emitter.ts"],
  ["getTransformers", "src/compiler/transformer.ts"],
  ["getDeclarationDiagnostics", "src/compiler/transformers/declarations.ts"],
]);

/**
 * Text replaced in one section, exactly once. TypeScript's system layer loads node:crypto when it
 * starts, for the hashes of incremental builds and watch mode, which the compiler never runs;
 * without it, TypeScript behaves as where crypto is missing. Loading it costs some 6 ms of every
 * build (compiler/compile-cache.ts avoids it too).
 */
const REPLACED = [{ section: "src/compiler/sys.ts", text: '_crypto = require("crypto");', by: "_crypto = void 0;" }];

const esbuildOptions = { bundle: true, format: "cjs", platform: "node", target: "node20", treeShaking: true, minify: true, legalComments: "inline", logLevel: "silent" };

/**
 * Builds the slim TypeScript from `file` (ts-morph's typescript.js) into `outfile`, minified
 * CommonJS exporting the names in `used` (see namesUsed). `ts` parses the file.
 */
export async function buildSlimTypeScript(file, outfile, ts, used) {
  const module = unwrap(readFileSync(file, "utf8"));
  const parsed = ts.createSourceFile(file, module.body, ts.ScriptTarget.Latest, false);
  const sections = [...module.body.matchAll(/^\/\/ (src\/\S+)$/gm)].map((m) => [m.index, m[1]]);
  if (sections.length < 100) throw new Error("typescript.js: its source file comments were not found");
  const sectionAt = (pos) => {
    let name = "";
    for (const [start, path] of sections) {
      if (start > pos) break;
      name = path;
    }
    return name;
  };
  const topLevel = topLevelDeclarations(parsed, ts);
  const exported = module.exports.filter((e) => used.has(e.name));
  for (const e of exported) {
    if (!topLevel.has(e.local) || EDITOR_ONLY.test(sectionAt(topLevel.get(e.local).end - 1))) throw new Error(`typescript.js: ts.${e.name} is not in the compiler's part`);
  }
  if (!exported.some((e) => e.name === "createProgram")) throw new Error("typescript.js: createProgram was not found");
  const edits = [...EMIT_ONLY].map(([name, section]) => {
    const f = topLevel.get(name);
    if (!f || !ts.isFunctionDeclaration(f) || !f.body || sectionAt(f.end - 1) !== section) throw new Error(`typescript.js: ${name} is not a function in ${section}`);
    return { pos: f.body.getStart(parsed), end: f.body.end, text: `{ throw new Error("initsh ships TypeScript without ${name}: it never emits"); }` };
  });
  for (const { section, text, by } of REPLACED) {
    const at = [];
    for (let i = module.body.indexOf(text); i >= 0; i = module.body.indexOf(text, i + 1)) if (sectionAt(i) === section) at.push(i);
    if (at.length !== 1) throw new Error(`typescript.js: ${text} is in ${section} ${at.length} times, not once`);
    edits.push({ pos: at[0], end: at[0] + text.length, text: by });
  }

  const droppable = [];
  for (const statement of parsed.statements) {
    if (!EDITOR_ONLY.test(sectionAt(statement.end - 1))) continue;
    const names = declaredOrWritten(statement, ts, (callee) => tablesOf(callee, topLevel, sectionAt, ts));
    if (names) droppable.push({ statement, names });
  }
  let dropped = droppable;
  for (let round = 0; ; round++) {
    if (round > 30) throw new Error("typescript.js: slimming did not settle");
    const output = await minified(source(module, exported, dropped, edits));
    const free = unboundReferences(output, ts);
    const back = dropped.filter((d) => d.names.some((name) => free.has(name)));
    if (back.length === 0) {
      writeFileSync(outfile, output);
      return { dropped: dropped.length, kept: droppable.length - dropped.length, rounds: round + 1 };
    }
    dropped = dropped.filter((d) => !back.includes(d));
  }
}

/**
 * The names the compiler's sources read of `ts` (`ts.createProgram`, `ts.SyntaxKind`, …, and
 * compiler/ts/nodes.ts's `undeclared.…`), from the text of every source file. Throws where a
 * source reads `ts` another way (`ts[…]`, destructuring), which this could not see.
 */
export function namesUsed(sources) {
  const used = new Set();
  for (const [file, text] of sources) {
    if (/\bts\s*\[|\}\s*=\s*ts\b/.test(text)) throw new Error(`${file}: reads ts other than as ts.name`);
    // Type names match too; they are not in TypeScript's export table, so they select nothing.
    for (const m of text.matchAll(/\b(?:ts|undeclared)\.([A-Za-z_$][\w$]*)/g)) used.add(m[1]);
  }
  return used;
}

async function minified(contents) {
  const result = await build({ ...esbuildOptions, stdin: { contents, loader: "js", resolveDir: "/" }, write: false });
  return result.outputFiles[0].text;
}

/**
 * Names referred to in `code` as variables (not as property names, object keys or the names of
 * declarations), at any depth. In minified code, a long name among them is one nothing binds.
 */
function unboundReferences(code, ts) {
  const file = ts.createSourceFile("out.js", code, ts.ScriptTarget.Latest, true);
  const names = new Set();
  const K = ts.SyntaxKind;
  const visit = (node) => {
    if (node.kind === K.Identifier && isReference(node, ts)) names.add(ts.idText(node));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

/** An identifier that reads or writes a variable. */
function isReference(id, ts) {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if ((ts.isLabeledStatement(p) || ts.isBreakStatement(p) || ts.isContinueStatement(p)) && p.label === id) return false;
  if ((ts.isExportSpecifier(p) || ts.isImportSpecifier(p)) && p.propertyName === id) return false;
  if (ts.isMetaProperty(p)) return false;
  return true;
}

/**
 * typescript.js's body as an ES module's: without the `((module) => { … })(…)` around it, the
 * `__export(typescript_exports, { … })` table (returned: each export's name and the local it
 * reads) and the CommonJS exports.
 */
function unwrap(text) {
  const open = "var ts = {}; ((module) => {\n";
  const start = text.indexOf(open);
  const close = /\n\}\)\(\{ get exports\(\) \{ return ts; \}[^\n]*\n?$/.exec(text);
  const table = /\n__export\(typescript_exports, \{\n([\s\S]*?)\n\}\);\n/.exec(text);
  const commonjs = "\nmodule.exports = __toCommonJS(typescript_exports);\n";
  if (start < 0 || !close || !table || !text.includes(commonjs)) throw new Error("typescript.js: the module wrapper was not found");
  const exports = table[1].split("\n").map((line) => {
    const m = /^\s*([A-Za-z_$][\w$]*): \(\) => ([A-Za-z_$][\w$]*),?$/.exec(line);
    return m ? { name: m[1], local: m[2] } : undefined;
  });
  if (exports.some((e) => e === undefined)) throw new Error("typescript.js: an export was not understood");
  let body = text.slice(start + open.length, close.index);
  body = body.replace(table[0], "\n").replace(commonjs, "\n").replace(/\n0 && \(module\.exports = \{[\s\S]*?\}\);\n/, "\n");
  return { header: text.slice(0, start), body, exports };
}

/** The module's text without the `dropped` statements, with `edits` made, exporting `exported`. */
function source(module, exported, dropped, edits) {
  const all = [...dropped.map((d) => ({ pos: d.statement.pos, end: d.statement.end, text: "" })), ...edits].sort((a, b) => a.pos - b.pos);
  let out = module.header;
  let pos = 0;
  for (const e of all) {
    out += module.body.slice(pos, e.pos) + e.text;
    pos = e.end;
  }
  const list = exported.map((e) => (e.name === e.local ? e.name : `${e.local} as ${e.name}`)).join(", ");
  return `${out}${module.body.slice(pos)}\nexport { ${list} };\n`;
}

/** Top-level functions, classes and variables, by name. */
function topLevelDeclarations(file, ts) {
  const names = new Map();
  for (const s of file.statements) for (const name of declaredNames(s, ts) ?? []) names.set(name, s);
  return names;
}

/** The names a function, class or variable statement declares; undefined for any other statement, or a destructuring one. */
function declaredNames(s, ts) {
  if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) return [ts.idText(s.name)];
  if (!ts.isVariableStatement(s)) return undefined;
  const names = s.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) ? ts.idText(d.name) : undefined));
  return names.every(Boolean) ? names : undefined;
}

/**
 * The names a top-level statement of an editor-only section declares or writes to, or
 * undefined when it is none of these shapes (it then stays):
 * - a function, class or variable declaration;
 * - `__export(ns, { … })`, filling the namespace object ns;
 * - `((ns) => { … })(ns || (ns = {}))`, filling ns;
 * - `Name.field = …`, a static field of the class Name;
 * - `registerCodeFix(…)` and the like: writes into the tables of the function it calls (the
 *   variables declared beside it);
 * - `setObjectAllocator(getServicesObjectAllocator())`: what gives nodes and types their
 *   methods, which the compiler does not call (nothing puts it back).
 */
function declaredOrWritten(s, ts, tablesOf) {
  const id = (n) => ts.idText(n);
  if (!ts.isExpressionStatement(s)) return declaredNames(s, ts);
  const e = s.expression;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
    const callee = id(e.expression);
    if (callee === "__export") return e.arguments.length === 2 && ts.isIdentifier(e.arguments[0]) ? [id(e.arguments[0])] : undefined;
    if (callee === "setObjectAllocator") return [];
    if (/^register[A-Z]\w*$/.test(callee)) return tablesOf(callee);
    return undefined;
  }
  if (ts.isCallExpression(e) && e.arguments.length === 1 && ts.isBinaryExpression(e.arguments[0]) && ts.isIdentifier(e.arguments[0].left)) {
    return [id(e.arguments[0].left)];
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(e.left) && ts.isIdentifier(e.left.expression)) {
    return [id(e.left.expression)];
  }
  return undefined;
}

/** A registration function and the variables declared in its section (its tables), or undefined. */
function tablesOf(callee, topLevel, sectionAt, ts) {
  const declaration = topLevel.get(callee);
  if (!declaration || !ts.isFunctionDeclaration(declaration)) return undefined;
  const section = sectionAt(declaration.end - 1);
  const tables = [...topLevel].filter(([, s]) => ts.isVariableStatement(s) && sectionAt(s.end - 1) === section).map(([name]) => name);
  return [callee, ...tables];
}
