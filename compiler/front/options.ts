import { ts } from "ts-morph";

/**
 * Compiler options for user programs. `noLib` plus initsh's own `dsl/lib.d.ts` keeps the
 * surface to what lowers; `noUncheckedIndexedAccess` makes `a[i]` honest about
 * out-of-range reads; unreachable code and implicit returns are errors because an init must
 * not wander past a `never` call or fall off the end of a function.
 */
export const userCompilerOptions: ts.CompilerOptions = {
  strict: true,
  noLib: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  noUncheckedIndexedAccess: true,
  allowUnreachableCode: false,
  allowUnusedLabels: false,
  noImplicitReturns: true,
  noImplicitOverride: true,
  skipLibCheck: true,
  types: [],
  allowImportingTsExtensions: true,
};
