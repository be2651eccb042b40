/** Quoting for sh: one function for generated code, one for showing argv to people. */

/** Quotes any string for sh as a single-quoted word (`'` is written `'\''`). */
export function shQuote(value: string): string {
  return "'" + value.replaceAll("'", "'\\''") + "'";
}

/**
 * Quotes a word for display, leaving it bare when it only holds characters sh never
 * treats specially, so a trace line reads like the command that was typed.
 */
export function displayQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : shQuote(value);
}

/** Shows an argv as one shell-quoted command line. */
export function displayArgv(argv: string[]): string {
  return argv.map(displayQuote).join(" ");
}
