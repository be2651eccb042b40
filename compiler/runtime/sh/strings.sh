# helper: __substr
# $3 bytes (none when negative) of $1 from byte $2 (0 or more).
__substr() {
  __ss_s=$1
  __ss_i=$2
  while [ "$__ss_i" -gt 0 ] && [ -n "$__ss_s" ]; do
    __ss_s=${__ss_s#?}
    __ss_i=$((__ss_i - 1))
  done
  while [ "${#__ss_s}" -gt "$3" ] && [ -n "$__ss_s" ]; do
    __ss_s=${__ss_s%?}
  done
  __r=$__ss_s
}

# helper: __slice
__slice() {
  __sl_l=${#1}
  __sl_a=$2
  __sl_b=$__sl_l
  [ "$#" -lt 3 ] || __sl_b=$3
  [ "$__sl_a" -ge 0 ] || __sl_a=$((__sl_a + __sl_l < 0 ? 0 : __sl_a + __sl_l))
  [ "$__sl_b" -ge 0 ] || __sl_b=$((__sl_b + __sl_l))
  __substr "$1" "$__sl_a" "$((__sl_b - __sl_a))"
}

# helper: __slicefrom
# slice(start) without an end, the common case: drop the first bytes.
__slicefrom() {
  __sf_s=$1
  __sf_i=$2
  [ "$__sf_i" -ge 0 ] || __sf_i=$((${#__sf_s} + __sf_i))
  while [ "$__sf_i" -gt 0 ] && [ -n "$__sf_s" ]; do
    __sf_s=${__sf_s#?}
    __sf_i=$((__sf_i - 1))
  done
  __r=$__sf_s
}

# helper: __substring
__substring() {
  __sg_a=$2
  __sg_b=${#1}
  [ "$#" -lt 3 ] || __sg_b=$3
  [ "$__sg_a" -ge 0 ] || __sg_a=0
  [ "$__sg_b" -ge 0 ] || __sg_b=0
  if [ "$__sg_a" -gt "$__sg_b" ]; then
    __sg_t=$__sg_a
    __sg_a=$__sg_b
    __sg_b=$__sg_t
  fi
  __substr "$1" "$__sg_a" "$((__sg_b - __sg_a))"
}

# helper: __indexof
__indexof() {
  __ix_s=$1
  __ix_p=$2
  case $__ix_s in
    *"$__ix_p"*)
      __ix_s=${__ix_s%%"$__ix_p"*}
      __r=${#__ix_s}
      ;;
    *) __r=-1 ;;
  esac
}

# helper: __startswith
__startswith() {
  case $1 in "$2"*) ;; *) return 1 ;; esac
}

# helper: __endswith
__endswith() {
  case $1 in *"$2") ;; *) return 1 ;; esac
}

# helper: __includes
__includes() {
  case $1 in *"$2"*) ;; *) return 1 ;; esac
}

# helper: __trimstart
__trimstart() {
  __ts_s=$1
  __ts_w=${__ts_s%%[! 	
]*}
  __r=${__ts_s#"$__ts_w"}
}

# helper: __trimend
__trimend() {
  __te_s=$1
  __te_w=${__te_s##*[! 	
]}
  __r=${__te_s%"$__te_w"}
}

# helper: __trim
__trim() {
  __trimstart "$1"
  __trimend "$__r"
}

# helper: __repeat
__repeat() {
  __rp_o=
  __rp_n=$2
  [ "$__rp_n" -ge 0 ] || __fail "repeat(): invalid count $2"
  while [ "$__rp_n" -gt 0 ]; do
    __rp_o=$__rp_o$1
    __rp_n=$((__rp_n - 1))
  done
  __r=$__rp_o
}

# helper: __padstart
# The fill repeated until it is as long as the text lacks, then cut back to that.
__padstart() {
  __ps_n=$2
  __ps_n=$((__ps_n - ${#1}))
  __ps_f=' '
  [ "$#" -lt 3 ] || __ps_f=$3
  __ps_o=
  if [ -n "$__ps_f" ]; then
    while [ "${#__ps_o}" -lt "$__ps_n" ]; do
      __ps_o=$__ps_o$__ps_f
    done
  fi
  while [ "${#__ps_o}" -gt "$__ps_n" ] && [ -n "$__ps_o" ]; do
    __ps_o=${__ps_o%?}
  done
  __r=$__ps_o$1
}

# helper: __replace
__replace() {
  __rl_s=$1
  __rl_p=$2
  case $__rl_s in
    *"$__rl_p"*)
      __rl_b=${__rl_s%%"$__rl_p"*}
      __rl_a=${__rl_s#*"$__rl_p"}
      __r=$__rl_b$3$__rl_a
      ;;
    *) __r=$__rl_s ;;
  esac
}

# helper: __replaceall
__replaceall() {
  __ra_s=$1
  __ra_p=$2
  __ra_o=
  if [ -z "$__ra_p" ]; then
    while [ -n "$__ra_s" ]; do
      __ra_t=${__ra_s#?}
      __ra_o=$__ra_o$3${__ra_s%"$__ra_t"}
      __ra_s=$__ra_t
    done
    __r=$__ra_o$3
    return
  fi
  while :; do
    case $__ra_s in
      *"$__ra_p"*)
        __ra_b=${__ra_s%%"$__ra_p"*}
        __ra_o=$__ra_o$__ra_b$3
        __ra_s=${__ra_s#*"$__ra_p"}
        ;;
      *) break ;;
    esac
  done
  __r=$__ra_o$__ra_s
}

# helper: __rexpand
# JS replacement patterns ($$ $& $` $') in a replacement string that may hold them.
__rexpand() {
  __re_t=$4
  __re_o=
  while :; do
    case $__re_t in
      *'$'*) ;;
      *) break ;;
    esac
    __re_b=${__re_t%%'$'*}
    __re_o=$__re_o$__re_b
    __re_t=${__re_t#*'$'}
    case $__re_t in
      '$'*) __re_o=$__re_o'$'; __re_t=${__re_t#?} ;;
      '&'*) __re_o=$__re_o$1; __re_t=${__re_t#?} ;;
      '`'*) __re_o=$__re_o$2; __re_t=${__re_t#?} ;;
      "'"*) __re_o=$__re_o$3; __re_t=${__re_t#?} ;;
      *) __re_o=$__re_o'$' ;;
    esac
  done
  __r=$__re_o$__re_t
}

# helper: __replacex
__replacex() {
  __rx_s=$1
  __rx_p=$2
  case $__rx_s in
    *"$__rx_p"*)
      __rx_b=${__rx_s%%"$__rx_p"*}
      __rx_a=${__rx_s#*"$__rx_p"}
      __rexpand "$__rx_p" "$__rx_b" "$__rx_a" "$3"
      __r=$__rx_b$__r$__rx_a
      ;;
    *) __r=$__rx_s ;;
  esac
}

# helper: __replaceallx
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
      __rax_t=${__rax_s#?}
      __rax_c=${__rax_s%"$__rax_t"}
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
        __rax_c=${__rax_s%%"$__rax_p"*}
        __rax_s=${__rax_s#*"$__rax_p"}
        __rexpand "$__rax_p" "$__rax_d$__rax_c" "$__rax_s" "$3"
        __rax_o=$__rax_o$__rax_c$__r
        __rax_d=$__rax_d$__rax_c$__rax_p
        ;;
      *) break ;;
    esac
  done
  __r=$__rax_o$__rax_s
}
