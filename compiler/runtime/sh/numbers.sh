# helper: __canonint
# A sign ("-" or "") and decimal digits to the canonical integer (sh reads 010 as octal).
__canonint() {
  __ci_s=$2
  while :; do
    case $__ci_s in
      0?*) __ci_s=${__ci_s#0} ;;
      *) break ;;
    esac
  done
  if [ "$1" = - ] && [ "$__ci_s" != 0 ]; then __ci_s=-$__ci_s; fi
  __r=$__ci_s
}

# helper: __number
__number() {
  __trim "$1"
  __nu_s=$__r
  __nu_g=
  case $__nu_s in
    '') __r=0; return ;;
    [+-]*)
      __nu_t=${__nu_s#?}
      __nu_g=${__nu_s%"$__nu_t"}
      __nu_s=$__nu_t
      ;;
  esac
  case $__nu_s in
    '' | *[!0-9]*) __fail "Number(): not a decimal integer: $1" ;;
  esac
  __canonint "$__nu_g" "$__nu_s"
}

# helper: __parseint
__parseint() {
  __trimstart "$1"
  __pi_s=$__r
  __pi_g=
  case $__pi_s in
    [+-]*)
      __pi_t=${__pi_s#?}
      __pi_g=${__pi_s%"$__pi_t"}
      __pi_s=$__pi_t
      ;;
  esac
  __pi_s=${__pi_s%%[!0-9]*}
  [ -n "$__pi_s" ] || __fail "parseInt(): no decimal digits at the start of: $1"
  __canonint "$__pi_g" "$__pi_s"
}

# helper: __toint
# toInteger(): the same text as Number() takes, with no digits, other text or more than
# nine significant digits (more than 32-bit arithmetic holds) giving undefined (unset).
__toint() {
  __trim "$1"
  __ti_s=$__r
  __ti_g=
  case $__ti_s in
    [+-]*)
      __ti_t=${__ti_s#?}
      __ti_g=${__ti_s%"$__ti_t"}
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
  case ${__r#-} in ??????????*) unset __r ;; esac
}
