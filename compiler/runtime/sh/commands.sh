# helper: __trquote
# One argument as the trace shows it: bare when it holds only the characters of
# TRACE_BARE_CHARS (compiler/runtime/trace.ts; spelled out, as a range follows the locale's
# collation in some shells), else in single quotes with each ' written '\'' — so how the
# arguments were split can be read back. The result goes to __tq_r, not __r, which the
# trace must leave alone.
__trquote() {
  case $1 in
    '' | *[!ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-]*) ;;
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
        __tq_r=$__tq_r${__tq_s%%"$__tq_q"*}"'\\''"
        __tq_s=${__tq_s#*"$__tq_q"}
        ;;
      *) break ;;
    esac
  done
  __tq_r="'$__tq_r$__tq_s'"
}

# helper: __tracecmd
# The trace line, when the trace is on (traceCommands, the debug kernel parameter): the
# caller's line, then the command and its arguments, each quoted by __trquote.
__tracecmd() {
  [ -n "${__trace-}" ] || return 0
  __tr_l="+ $1:"
  shift
  for __tr_a in "$@"; do
    __trquote "$__tr_a"
    __tr_l="$__tr_l $__tq_r"
  done
  printf '%s\n' "$__tr_l" >&2
}

# helper: __run
__run() {
  __tracecmd "$@"
  shift
  command "$@"
}

# helper: __runq
# runQuiet / captureQuiet: the command's own messages go, the trace line stays.
__runq() {
  __tracecmd "$@"
  shift
  command "$@" 2>/dev/null
}

# helper: __runqq
__runqq() {
  __tracecmd "$@"
  shift
  command "$@" >/dev/null 2>&1
}

# helper: __runa
# Arguments from an array (id in $4) rebuilt as positional parameters for the helper named
# in $1 (__run, __runq, __runqq or __exec). The eval only ever sees compiler-made names and
# digits, never the data.
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
    eval "set -- \"\$@\" \"\$__a${__ru_id}_$__ru_i\""
    __ru_i=$((__ru_i + 1))
  done
  "$__ru_h" "$__ru_l" "$__ru_c" "$@"
}

# helper: __exec
# A failed exec would end the shell, and an init's shell is PID 1: look the program up
# first and come back with 127 when it cannot be started.
__exec() {
  __ex_l=$1
  shift
  __tracecmd "$__ex_l" exec "$@"
  case $1 in
    */*) [ -f "$1" ] && [ -x "$1" ] && exec "$@" ;;
    *) command -v "$1" >/dev/null 2>&1 && exec "$@" ;;
  esac
  printf '%s\n' "$__ex_l: cannot execute $1" >&2
  return 127
}
