/** Quoting for sh: one function for generated code, one for showing argv to people. */
import { TRACE_BARE_CHARS } from "../compiler/runtime/trace.ts";

/** A word that means itself bare: only characters sh never treats specially (the compiled init's trace shows words by the same rule). */
const BARE = new RegExp(`^[${TRACE_BARE_CHARS}]+$`);

/** Quotes any string for sh as a single-quoted word (`'` is written `'\''`). */
export function shQuote(value: string): string {
  return "'" + value.replaceAll("'", "'\\''") + "'";
}

/**
 * Quotes a word for display, leaving it bare when it only holds characters sh never
 * treats specially, so a trace line reads like the command that was typed.
 */
export function displayQuote(value: string): string {
  return BARE.test(value) ? value : shQuote(value);
}

/** Shows an argv as one shell-quoted command line. */
export function displayArgv(argv: string[]): string {
  return argv.map(displayQuote).join(" ");
}
