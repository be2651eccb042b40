/**
 * The compiler's pipeline: lower.ts lowers a type-checked program through the registry of
 * visitors (compiler/lower) and optimises it (compiler/passes); finish.ts makes each variant's
 * program of it, leaves out what is no longer called, adds the runtime helpers still used
 * (compiler/runtime) and reads the manifest (compiler/manifest); compiler/index.ts prints it
 * (compiler/sh/printer.ts).
 */
export { lowerSource, type LoweredSource, type ProgramInput } from "./lower.ts";
export { finishProgram, type LoweredProgram } from "./finish.ts";
