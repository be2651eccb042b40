import type { Helper } from "./helpers.ts";

/**
 * Runtime helpers behind the intrinsics (dsl/intrinsics.ts): running external commands with
 * the debug trace, exec that cannot kill PID 1, and fork-free file access. Same conventions
 * as helpers.ts: positional arguments, results in `__r`, booleans as the exit status, state in
 * variables of the helper's own prefix.
 *
 * Every external command goes through `__run` (or `__exec`): it prints the command with the
 * TypeScript line it came from when the trace is on (`traceCommands`, the `debug` kernel
 * parameter), and runs it with `command`, so no shell function can stand in for it.
 */
const h = (name: string, uses: string[], source: string): Helper => ({ name, uses, source: source.trim() });

/**
 * The characters a traced argument may hold and still be shown bare: none of them is special
 * to sh anywhere in a word, so `findfs LABEL=root` reads as typed. Any other character (a
 * space, a quote, `$`, `*`, a newline, a non-ASCII byte …) or an empty argument gets the
 * argument single-quoted, as `set -x` shows it. Spelled out, not as ranges (`A-Z` in a
 * bracket follows the locale's collation in some shells). testing/quote.ts shows the
 * simulator's trace by the same rule.
 */
export const TRACE_BARE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-";

export const bootHelpers: Helper[] = [
  // Text without a newline: the printf stand-in of shells without a printf builtin (see
  // helpers.ts) ends its echo with \c when the format is '%s'.
  h("__print", ["printf-text"], `
__print() { printf '%s' "$1"; }`),
  // One argument as the trace shows it (see TRACE_BARE_CHARS): bare, or in single quotes with
  // each ' written '\'' — so how the arguments were split can be read back. The result goes
  // to __tq_r, not __r, which the trace must leave alone.
  h("__trquote", [], `
__trquote() {
  case $1 in
    '' | *[!${TRACE_BARE_CHARS}]*) ;;
    *)
      __tq_r=$1
      return 0
      ;;
  esac
  __tq_s=$1
  __tq_q="'"
  __tq_r=
  while :; do
    case $__tq_s in
      *"$__tq_q"*)
        __tq_r=$__tq_r\${__tq_s%%"$__tq_q"*}"'\\\\''"
        __tq_s=\${__tq_s#*"$__tq_q"}
        ;;
      *) break ;;
    esac
  done
  __tq_r="'$__tq_r$__tq_s'"
}`),
  // The trace line, when the trace is on (traceCommands, the debug kernel parameter): the
  // caller's line, then the command and its arguments, each quoted by __trquote.
  h("__tracecmd", ["printf", "__trquote"], `
__tracecmd() {
  [ -n "\${__trace-}" ] || return 0
  __tr_l="+ $1:"
  shift
  for __tr_a in "$@"; do
    __trquote "$__tr_a"
    __tr_l="$__tr_l $__tq_r"
  done
  printf '%s\\n' "$__tr_l" >&2
}`),
  h("__run", ["__tracecmd"], `
__run() {
  __tracecmd "$@"
  shift
  command "$@"
}`),
  // runQuiet / captureQuiet: the command's own messages go, the trace line stays.
  h("__runq", ["__tracecmd"], `
__runq() {
  __tracecmd "$@"
  shift
  command "$@" 2>/dev/null
}`),
  h("__runqq", ["__tracecmd"], `
__runqq() {
  __tracecmd "$@"
  shift
  command "$@" >/dev/null 2>&1
}`),
  // Arguments from an array (id in $4) rebuilt as positional parameters for the helper named
  // in $1 (__run, __runq, __runqq or __exec). The eval only ever sees compiler-made names and
  // digits, never the data.
  h("__runa", ["__alen"], `
__runa() {
  __ru_h=$1
  __ru_l=$2
  __ru_c=$3
  __ru_id=$4
  __alen "$__ru_id"
  __ru_n=$__r
  set --
  __ru_i=0
  while [ "$__ru_i" -lt "$__ru_n" ]; do
    eval "set -- \\"\\$@\\" \\"\\$__a\${__ru_id}_$__ru_i\\""
    __ru_i=$((__ru_i + 1))
  done
  "$__ru_h" "$__ru_l" "$__ru_c" "$@"
}`),
  // A failed exec would end the shell, and an init's shell is PID 1: look the program up
  // first and come back with 127 when it cannot be started.
  h("__exec", ["__tracecmd", "printf"], `
__exec() {
  __ex_l=$1
  shift
  __tracecmd "$__ex_l" exec "$@"
  case $1 in
    */*) [ -f "$1" ] && [ -x "$1" ] && exec "$@" ;;
    *) command -v "$1" >/dev/null 2>&1 && exec "$@" ;;
  esac
  printf '%s\\n' "$__ex_l: cannot execute $1" >&2
  return 127
}`),
  h("__aappend", ["__apush", "__alen"], `
__aappend() {
  __alen "$2"
  __ap_n=$__r
  __ap_i=0
  while [ "$__ap_i" -lt "$__ap_n" ]; do
    eval "__r=\\$__a$2_$__ap_i"
    __apush "$1" "$__r"
    __ap_i=$((__ap_i + 1))
  done
  eval "__r=\\$__a$1_n"
}`),
  // The file as read, line by line, by the shell itself: the last line may lack its newline.
  h("__readfile", [], `
__readfile() {
  unset __r
  __rf_s=
  __rf_l=
  {
    while IFS= read -r __rf_l; do
      __rf_s="$__rf_s$__rf_l
"
    done
    __rf_s=$__rf_s$__rf_l
  } 2>/dev/null <"$1" || return 1
  __r=$__rf_s
}`),
  h("__readline", [], `
__readline() {
  __r=
  IFS= read -r __r || [ -n "$__r" ] || unset __r
}`),
  // A redirection that fails on a function call ends a POSIX shell; on \`command exec\` it
  // does not, so the file is opened that way first. The shell's own message about a file it
  // cannot create is dropped: the caller, told by the status, says what went wrong.
  h("__writefile", ["__print"], `
__writefile() {
  { command exec 3>"$1"; } 2>/dev/null || return 1
  __print "$2" >&3
  exec 3>&-
}`),
  h("__appendfile", ["__print"], `
__appendfile() {
  { command exec 3>>"$1"; } 2>/dev/null || return 1
  __print "$2" >&3
  exec 3>&-
}`),
  // Directory entries by glob (no fork); the directory part is quoted, so only * globs.
  h("__listdir", ["__anew", "__apush"], `
__listdir() {
  __anew
  __ld_id=$__r
  for __ld_f in "$1"/* "$1"/.[!.]* "$1"/..?*; do
    [ -e "$__ld_f" ] || [ -L "$__ld_f" ] || continue
    __ld_n=\${__ld_f##*/}
    __apush "$__ld_id" "$__ld_n"
  done
  __r=$__ld_id
}`),
];
