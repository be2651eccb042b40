/**
 * dsl/tsconfig.json (`"extends": "initsh/tsconfig.json"` in a user's project) gives the editor
 * and tsc exactly the options the compiler checks an init with (compiler/front/options.ts):
 * what the editor accepts, initsh build accepts, and the other way round.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { userCompilerOptions } from "../compiler/front/options.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("the editor's tsconfig", () => {
  it("has the compiler's options, with initsh's lib as its only lib", () => {
    const json = ts.parseConfigFileTextToJson("tsconfig.json", readFileSync(`${root}dsl/tsconfig.json`, "utf8"));
    const { options, errors } = ts.convertCompilerOptionsFromJson(json.config.compilerOptions, root);
    expect(errors).toEqual([]);
    // The compiler finds the lib and "initsh" by path and reads stdlib's sources (.ts imports);
    // the editor finds them through the package's exports (types: initsh/lib, dist/types/).
    const { types, ...editor } = options;
    const { types: compilerTypes, allowImportingTsExtensions, ...compiler } = userCompilerOptions;
    expect(compilerTypes).toEqual([]);
    expect(allowImportingTsExtensions).toBe(true);
    expect(types).toEqual(["initsh/lib"]);
    expect(editor).toEqual(compiler);
  });

  it("is what the package exports as initsh/tsconfig.json, and initsh/lib is dsl/lib.d.ts", () => {
    const exports = JSON.parse(readFileSync(`${root}package.json`, "utf8")).exports;
    expect(exports["./tsconfig.json"]).toBe("./dsl/tsconfig.json");
    expect(exports["./lib"]).toEqual({ types: "./dsl/lib.d.ts" });
  });
});
