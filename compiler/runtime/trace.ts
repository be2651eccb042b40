/**
 * The characters a traced argument may hold and still be shown bare: none of them is special
 * to sh anywhere in a word, so `findfs LABEL=root` reads as typed. Any other character (a
 * space, a quote, `$`, `*`, a newline, a non-ASCII byte …) or an empty argument gets the
 * argument single-quoted, as `set -x` shows it. Spelled out, not as ranges (`A-Z` in a
 * bracket follows the locale's collation in some shells). The runtime helper `__trquote`
 * (runtime/sh/commands.sh) writes the same set in its pattern (tests/boot/trace.test.ts checks
 * they agree); testing/quote.ts shows the simulator's trace by the same rule.
 */
export const TRACE_BARE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-";
