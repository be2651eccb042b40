/**
 * Runtime helpers: the sh primitives that string and array operations lower to. They sit
 * below the DSL (arrays need `eval` over compiler-made names, strings need parameter-expansion
 * tricks), so they are written in sh here, each small, each with its dependencies, and only
 * the ones a program uses are emitted. Conventions: arguments are positional, results go to
 * `__r` (unset for `undefined`), booleans are the exit status. Helpers never recurse, so
 * each keeps its state in variables of its own prefix (`__sp_…`) instead of `local`, which
 * POSIX lacks. Pattern operators (`${x%%…}`) appear only in plain assignments on named
 * variables: posh mishandles them on positional parameters and inside double quotes. Names starting with `__` are reserved for these helpers and the compiler.
 *
 * Arrays are references, as in JS: a variable holds an array id N, elements live in
 * `__aN_0 … __aN_k` and the length in `__aN_n`. Ids are numbers the compiler makes, so the
 * `eval`s below only ever see digits and compiler names, never data.
 */
export interface Helper {
  name: string;
  uses: string[];
  source: string;
  /** Other helpers this one includes (defining the same function): emitted instead of them. */
  replaces?: string[];
}

/**
 * The `printf` stand-in; `withText` adds the format `%s` (no newline: `\c` ends echo's output),
 * `dashes` the escape of a leading `-`, which only lines that can start with one need.
 */
function printfStandIn(withText: boolean, dashes = true): string {
  const ending = withText
    ? `
    case $1 in
      '%s') echo "$__pf_o$__pf_s\\c" ;;
      *) echo "$__pf_o$__pf_s" ;;
    esac`
    : `
    echo "$__pf_o$__pf_s"`;
  // A leading - is written \0055; then, while the text holds a backslash, it is doubled.
  const dash = dashes ? `
    case $__pf_s in -*) __pf_s=\${__pf_s#-} __pf_o='\\0055' ;; esac` : "";
  return `
if ! PATH=/nonexistent command -v printf >/dev/null; then
  # shellcheck disable=SC2317 # called in posh and mksh
  printf() {
    __pf_s=$2 __pf_o=${dash}
    while case $__pf_s in *\\\\*) ;; *) false ;; esac; do
      __pf_o=$__pf_o\${__pf_s%%\\\\*}\\\\\\\\ __pf_s=\${__pf_s#*\\\\}
    done${ending}
  }
fi`.trim();
}

const h = (name: string, uses: string[], source: string): Helper => ({ name, uses, source: source.trim() });

// A tab, newline, carriage return, vertical tab and form feed: JS's ASCII whitespace.
const WS = " \t\n\r\v\f";

export const helpers: Record<string, Helper> = Object.fromEntries(
  [
    // Printing is `printf '%s\n' text` at every call site. printf is a builtin in most shells,
    // but not in posh or mksh: there this function stands in for it, so printing never forks.
    // It prints its second argument, through echo; their echo reads backslash escapes and a
    // leading -n, so backslashes are doubled and a leading - becomes the escape \0055.
    { ...h("printf", [], printfStandIn(false)), replaces: ["printf-nodash", "printf-plain"] },
    // The same, for a program that also prints text without a newline (`printf '%s'`).
    { ...h("printf-text", [], printfStandIn(true)), replaces: ["printf", "printf-nodash", "printf-plain"] },
    // For a program whose every printed line starts with fixed text or a number (see
    // lower/builtins/console.ts): no leading - to escape.
    { ...h("printf-nodash", [], printfStandIn(false, false)), replaces: ["printf-plain"] },
    // For a program whose every printf prints a line of plain text (no backslash, no leading
    // -), echo prints it as printf would.
    h("printf-plain", [], `
if ! PATH=/nonexistent command -v printf >/dev/null; then
  # shellcheck disable=SC2317 # called in posh and mksh
  printf() { echo "$2"; }
fi`),
    // A newline, for patterns (see the for…of over split in lower/loops.ts).
    h("__nl", [], `
__nl='
'`),
    h("__fail", ["printf"], `
__fail() {
  printf '%s\\n' "$1" >&2
  exit 1
}`),
    h("__anew", [], `
__anew() {
  __an=$((\${__an:-0} + 1))
  eval "__a\${__an}_n=0"
  __r=$__an
}`),
    // A new array of the arguments, its id in __r: an array literal in one call.
    h("__alist", [], `
__alist() {
  __an=$((\${__an:-0} + 1)) __al_i=0
  for __al_e; do
    eval "__a\${__an}_$__al_i=\\$__al_e"
    __al_i=$((__al_i + 1))
  done
  eval "__a\${__an}_n=$__al_i"
  __r=$__an
}`),
    h("__apush", [], `
__apush() {
  eval "__r=\\$__a$1_n"
  eval "__a$1_$__r=\\$2 __a$1_n=$((__r + 1))"
  __r=$((__r + 1))
}`),
    // The element at index $2 into __r, unset past either end (arrays have no holes).
    h("__aget", ["__aat"], `
__aget() {
  unset __r
  [ "$2" -lt 0 ] || __aat "$1" "$2"
}`),
    // The element at index $2 (a number from 0 up) into __r; false past the end.
    h("__aat", [], `
__aat() {
  eval "[ $2 -lt \\"\\$__a$1_n\\" ] && __r=\\$__a$1_$2"
}`),
    h("__alen", [], `
__alen() {
  eval "__r=\\$__a$1_n"
}`),
    h("__ajoin", ["__aat"], `
# shellcheck disable=SC2154 # __r is set by __aat, through eval
__ajoin() {
  __aj_i=0 __aj_s=
  __aj_d=
  while __aat "$1" "$__aj_i"; do
    __aj_s=$__aj_s$__aj_d$__r
    __aj_d=$2
    __aj_i=$((__aj_i + 1))
  done
  __r=$__aj_s
}`),
    h("__aincludes", ["__aat"], `
# shellcheck disable=SC2154 # __r is set by __aat, through eval
__aincludes() {
  __ai_i=0
  while __aat "$1" "$__ai_i"; do
    [ "$__r" = "$2" ] && return
    __ai_i=$((__ai_i + 1))
  done
  return 1
}`),
    // split with a separator that is not empty: the text up to each one, then the rest.
    h("__split", [], `
__split() {
  __an=$((\${__an:-0} + 1)) __sp_i=0 __sp_s=$1
  while case $__sp_s in *"$2"*) ;; *) false ;; esac; do
    __sp_e=\${__sp_s%%"$2"*} __sp_s=\${__sp_s#*"$2"}
    eval "__a\${__an}_$__sp_i=\\$__sp_e"
    __sp_i=$((__sp_i + 1))
  done
  eval "__a\${__an}_$__sp_i=\\$__sp_s __a\${__an}_n=$((__sp_i + 1))"
  __r=$__an
}`),
    // The same for a separator that no shorter text both starts and ends (any one character,
    // or ", "; not "::"): with one more appended, the text is a run of fields, each ending
    // in the separator, and no separator can straddle the end of the text.
    h("__splitplain", [], `
__splitplain() {
  __an=$((\${__an:-0} + 1)) __sp_i=0 __sp_s=$1$2
  while [ -n "$__sp_s" ]; do
    __sp_e=\${__sp_s%%"$2"*} __sp_s=\${__sp_s#*"$2"}
    eval "__a\${__an}_$__sp_i=\\$__sp_e"
    __sp_i=$((__sp_i + 1))
  done
  eval "__a\${__an}_n=$__sp_i"
  __r=$__an
}`),
    // split(""): one element per character.
    h("__splitchars", ["__anew", "__apush"], `
__splitchars() {
  __anew
  __sc_id=$__r
  __sc_s=$1
  while [ -n "$__sc_s" ]; do
    __sc_t=\${__sc_s#?}
    __sc_e=\${__sc_s%"$__sc_t"}
    __apush "$__sc_id" "$__sc_e"
    __sc_s=$__sc_t
  done
  __r=$__sc_id
}`),
    // split with a separator known only at run time.
    h("__splitany", ["__split", "__splitchars"], `
__splitany() {
  if [ -n "$2" ]; then __split "$1" "$2"; else __splitchars "$1"; fi
}`),
    // $3 bytes (none when negative) of $1 from byte $2 (0 or more).
    h("__substr", [], `
__substr() {
  __ss_s=$1
  __ss_i=$2
  while [ "$__ss_i" -gt 0 ] && [ -n "$__ss_s" ]; do
    __ss_s=\${__ss_s#?}
    __ss_i=$((__ss_i - 1))
  done
  while [ "\${#__ss_s}" -gt "$3" ] && [ -n "$__ss_s" ]; do
    __ss_s=\${__ss_s%?}
  done
  __r=$__ss_s
}`),
    h("__slice", ["__substr"], `
__slice() {
  __sl_l=\${#1}
  __sl_a=$2
  __sl_b=$__sl_l
  [ "$#" -lt 3 ] || __sl_b=$3
  [ "$__sl_a" -ge 0 ] || __sl_a=$((__sl_a + __sl_l < 0 ? 0 : __sl_a + __sl_l))
  [ "$__sl_b" -ge 0 ] || __sl_b=$((__sl_b + __sl_l))
  __substr "$1" "$__sl_a" "$((__sl_b - __sl_a))"
}`),
    // slice(start) without an end, the common case: drop the first bytes.
    h("__slicefrom", [], `
__slicefrom() {
  __sf_s=$1
  __sf_i=$2
  [ "$__sf_i" -ge 0 ] || __sf_i=$((\${#__sf_s} + __sf_i))
  while [ "$__sf_i" -gt 0 ] && [ -n "$__sf_s" ]; do
    __sf_s=\${__sf_s#?}
    __sf_i=$((__sf_i - 1))
  done
  __r=$__sf_s
}`),
    h("__substring", ["__substr"], `
__substring() {
  __sg_a=$2
  __sg_b=\${#1}
  [ "$#" -lt 3 ] || __sg_b=$3
  [ "$__sg_a" -ge 0 ] || __sg_a=0
  [ "$__sg_b" -ge 0 ] || __sg_b=0
  if [ "$__sg_a" -gt "$__sg_b" ]; then
    __sg_t=$__sg_a
    __sg_a=$__sg_b
    __sg_b=$__sg_t
  fi
  __substr "$1" "$__sg_a" "$((__sg_b - __sg_a))"
}`),
    h("__indexof", [], `
__indexof() {
  __ix_s=$1
  __ix_p=$2
  case $__ix_s in
    *"$__ix_p"*)
      __ix_s=\${__ix_s%%"$__ix_p"*}
      __r=\${#__ix_s}
      ;;
    *) __r=-1 ;;
  esac
}`),
    h("__startswith", [], `
__startswith() {
  case $1 in "$2"*) ;; *) return 1 ;; esac
}`),
    h("__endswith", [], `
__endswith() {
  case $1 in *"$2") ;; *) return 1 ;; esac
}`),
    h("__includes", [], `
__includes() {
  case $1 in *"$2"*) ;; *) return 1 ;; esac
}`),
    h("__trimstart", [], `
__trimstart() {
  __ts_s=$1
  __ts_w=\${__ts_s%%[!${WS}]*}
  __r=\${__ts_s#"$__ts_w"}
}`),
    h("__trimend", [], `
__trimend() {
  __te_s=$1
  __te_w=\${__te_s##*[!${WS}]}
  __r=\${__te_s%"$__te_w"}
}`),
    h("__trim", ["__trimstart", "__trimend"], `
__trim() {
  __trimstart "$1"
  __trimend "$__r"
}`),
    h("__repeat", ["__fail"], `
__repeat() {
  __rp_o=
  __rp_n=$2
  [ "$__rp_n" -ge 0 ] || __fail "repeat(): invalid count $2"
  while [ "$__rp_n" -gt 0 ]; do
    __rp_o=$__rp_o$1
    __rp_n=$((__rp_n - 1))
  done
  __r=$__rp_o
}`),
    h("__replace", [], `
__replace() {
  __rl_s=$1
  __rl_p=$2
  case $__rl_s in
    *"$__rl_p"*)
      __rl_b=\${__rl_s%%"$__rl_p"*}
      __rl_a=\${__rl_s#*"$__rl_p"}
      __r=$__rl_b$3$__rl_a
      ;;
    *) __r=$__rl_s ;;
  esac
}`),
    h("__replaceall", [], `
__replaceall() {
  __ra_s=$1
  __ra_p=$2
  __ra_o=
  if [ -z "$__ra_p" ]; then
    while [ -n "$__ra_s" ]; do
      __ra_t=\${__ra_s#?}
      __ra_o=$__ra_o$3\${__ra_s%"$__ra_t"}
      __ra_s=$__ra_t
    done
    __r=$__ra_o$3
    return
  fi
  while :; do
    case $__ra_s in
      *"$__ra_p"*)
        __ra_b=\${__ra_s%%"$__ra_p"*}
        __ra_o=$__ra_o$__ra_b$3
        __ra_s=\${__ra_s#*"$__ra_p"}
        ;;
      *) break ;;
    esac
  done
  __r=$__ra_o$__ra_s
}`),
    // JS replacement patterns ($$ $& $\` $') in a replacement string that may hold them.
    h("__rexpand", [], `
__rexpand() {
  __re_t=$4
  __re_o=
  while :; do
    case $__re_t in
      *'$'*) ;;
      *) break ;;
    esac
    __re_b=\${__re_t%%'$'*}
    __re_o=$__re_o$__re_b
    __re_t=\${__re_t#*'$'}
    case $__re_t in
      '$'*) __re_o=$__re_o'$'; __re_t=\${__re_t#?} ;;
      '&'*) __re_o=$__re_o$1; __re_t=\${__re_t#?} ;;
      '\`'*) __re_o=$__re_o$2; __re_t=\${__re_t#?} ;;
      "'"*) __re_o=$__re_o$3; __re_t=\${__re_t#?} ;;
      *) __re_o=$__re_o'$' ;;
    esac
  done
  __r=$__re_o$__re_t
}`),
    h("__replacex", ["__rexpand"], `
__replacex() {
  __rx_s=$1
  __rx_p=$2
  case $__rx_s in
    *"$__rx_p"*)
      __rx_b=\${__rx_s%%"$__rx_p"*}
      __rx_a=\${__rx_s#*"$__rx_p"}
      __rexpand "$__rx_p" "$__rx_b" "$__rx_a" "$3"
      __r=$__rx_b$__r$__rx_a
      ;;
    *) __r=$__rx_s ;;
  esac
}`),
    h("__replaceallx", ["__rexpand"], `
__replaceallx() {
  __rax_s=$1
  __rax_p=$2
  __rax_o=
  __rax_d=
  if [ -z "$__rax_p" ]; then
    while :; do
      __rexpand "" "$__rax_d" "$__rax_s" "$3"
      __rax_o=$__rax_o$__r
      [ -n "$__rax_s" ] || break
      __rax_t=\${__rax_s#?}
      __rax_c=\${__rax_s%"$__rax_t"}
      __rax_o=$__rax_o$__rax_c
      __rax_d=$__rax_d$__rax_c
      __rax_s=$__rax_t
    done
    __r=$__rax_o
    return
  fi
  while :; do
    case $__rax_s in
      *"$__rax_p"*)
        __rax_c=\${__rax_s%%"$__rax_p"*}
        __rax_s=\${__rax_s#*"$__rax_p"}
        __rexpand "$__rax_p" "$__rax_d$__rax_c" "$__rax_s" "$3"
        __rax_o=$__rax_o$__rax_c$__r
        __rax_d=$__rax_d$__rax_c$__rax_p
        ;;
      *) break ;;
    esac
  done
  __r=$__rax_o$__rax_s
}`),
    // A sign ("-" or "") and decimal digits to the canonical integer (sh reads 010 as octal).
    h("__canonint", [], `
__canonint() {
  __ci_s=$2
  while :; do
    case $__ci_s in
      0?*) __ci_s=\${__ci_s#0} ;;
      *) break ;;
    esac
  done
  if [ "$1" = - ] && [ "$__ci_s" != 0 ]; then __ci_s=-$__ci_s; fi
  __r=$__ci_s
}`),
    h("__number", ["__trim", "__fail", "__canonint"], `
__number() {
  __trim "$1"
  __nu_s=$__r
  __nu_g=
  case $__nu_s in
    '') __r=0; return ;;
    [+-]*)
      __nu_t=\${__nu_s#?}
      __nu_g=\${__nu_s%"$__nu_t"}
      __nu_s=$__nu_t
      ;;
  esac
  case $__nu_s in
    '' | *[!0-9]*) __fail "Number(): not a decimal integer: $1" ;;
  esac
  __canonint "$__nu_g" "$__nu_s"
}`),
    h("__parseint", ["__trimstart", "__fail", "__canonint"], `
__parseint() {
  __trimstart "$1"
  __pi_s=$__r
  __pi_g=
  case $__pi_s in
    [+-]*)
      __pi_t=\${__pi_s#?}
      __pi_g=\${__pi_s%"$__pi_t"}
      __pi_s=$__pi_t
      ;;
  esac
  __pi_s=\${__pi_s%%[!0-9]*}
  [ -n "$__pi_s" ] || __fail "parseInt(): no decimal digits at the start of: $1"
  __canonint "$__pi_g" "$__pi_s"
}`),
    // toInteger(): the same text as Number() takes, with no digits, other text or more than
    // nine significant digits (more than 32-bit arithmetic holds) giving undefined (unset).
    h("__toint", ["__trim", "__canonint"], `
__toint() {
  __trim "$1"
  __ti_s=$__r
  __ti_g=
  case $__ti_s in
    [+-]*)
      __ti_t=\${__ti_s#?}
      __ti_g=\${__ti_s%"$__ti_t"}
      __ti_s=$__ti_t
      ;;
  esac
  case $__ti_s in
    '' | *[!0-9]*)
      unset __r
      return
      ;;
  esac
  __canonint "$__ti_g" "$__ti_s"
  case \${__r#-} in ??????????*) unset __r ;; esac
}`),
  ].map((x) => [x.name, x]),
);
