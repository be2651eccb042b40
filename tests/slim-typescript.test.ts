/**
 * The slim TypeScript the compiler ships (compiler/slim-typescript.mjs) has no language service,
 * so nothing may call the methods the language service gives nodes, symbols, types and
 * signatures: the compiler reads them through compiler/ts/nodes.ts. The shipped-compiler test
 * runs every test program through the shipped bundles; this one also covers the lines those
 * programs never reach (an error path, say), by reading the sources. And the build must notice a
 * TypeScript it cannot slim (compiler/build.mjs then ships all of it).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the build, without type declarations
import { buildSlimTypeScript, namesUsed } from "../compiler/slim-typescript.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The methods and getters the language service adds (typescript.d.ts, services' interfaces). */
const SERVICE_MEMBERS = [
  "getSourceFile", "getChildCount", "getChildAt", "getChildren", "getStart", "getFullStart", "getEnd", "getWidth", "getFullWidth",
  "getLeadingTriviaWidth", "getFullText", "getText", "getFirstToken", "getLastToken", "getLineAndCharacterOfPosition",
  "getLineEndOfPosition", "getLineStarts", "getPositionOfLineAndCharacter", "getFlags", "getEscapedName", "getName",
  "getDeclarations", "getDocumentationComment", "getJsDocTags", "getSymbol", "getProperties", "getProperty",
  "getApparentProperties", "getCallSignatures", "getConstructSignatures", "getStringIndexType", "getNumberIndexType",
  "getBaseTypes", "getNonNullableType", "getConstraint", "getDefault", "isUnion", "isIntersection", "isUnionOrIntersection",
  "isLiteral", "isStringLiteral", "isNumberLiteral", "isTypeParameter", "isClassOrInterface", "isClass", "getDeclaration",
  "getTypeParameters", "getParameters", "getReturnType", "typeArguments",
];

/** The compiler's TypeScript sources (not its tests), as [path, text]. */
function compilerSources(): [string, string][] {
  return readdirSync(join(root, "compiler"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => [`compiler/${f}`, readFileSync(join(root, "compiler", f), "utf8")]);
}

describe("the compiler without TypeScript's language service", () => {
  it("calls none of the language service's methods on nodes, symbols, types or signatures", () => {
    const member = new RegExp(`(?<![\\w$])(\\w+(?:\\([^()]*\\))?\\??)\\.(${SERVICE_MEMBERS.join("|")})\\b`, "g");
    const found: string[] = [];
    for (const [file, text] of compilerSources()) {
      text.split("\n").forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        for (const m of line.matchAll(member)) {
          // The compiler API's own functions: ts.isStringLiteral(…), checker.getReturnTypeOfSignature(…), host.getSourceFile …
          if (/^(ts|checker|program|host|this\.checker|ctx\.checker)$/.test(m[1]!.replace(/\?$/, ""))) continue;
          found.push(`${file}:${i + 1}: ${m[0]}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it("reads `ts` only as ts.name, which the slim build can see", () => {
    const used: Set<string> = namesUsed(compilerSources());
    expect(used.has("createProgram")).toBe(true);
    expect(used.has("getTokenPosOfNode")).toBe(true); // through nodes.ts's `undeclared`
    expect(() => namesUsed([["x.ts", "const { SyntaxKind } = ts;"]])).toThrow(/x\.ts: reads ts other than as ts\.name/);
    expect(() => namesUsed([["y.ts", 'ts["createProgram"]']])).toThrow(/y\.ts/);
  });

  it("refuses a TypeScript shaped otherwise, for the build to ship the whole file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "initsh-slim-"));
    try {
      const file = join(dir, "typescript.js");
      writeFileSync(file, "module.exports = { createProgram() {} };\n");
      await expect(buildSlimTypeScript(file, join(dir, "out.cjs"), ts, new Set(["createProgram"]))).rejects.toThrow(/module wrapper was not found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
