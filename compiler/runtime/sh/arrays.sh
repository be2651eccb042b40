# helper: __anew
__anew() {
  __an=$((${__an:-0} + 1))
  eval "__a${__an}_n=0"
  __r=$__an
}

# helper: __alist
# A new array of the arguments, its id in __r: an array literal in one call.
__alist() {
  __an=$((${__an:-0} + 1)) __al_i=0
  for __al_e; do
    eval "__a${__an}_$__al_i=\$__al_e"
    __al_i=$((__al_i + 1))
  done
  eval "__a${__an}_n=$__al_i"
  __r=$__an
}

# helper: __apush
__apush() {
  eval "__r=\$__a$1_n"
  eval "__a$1_$__r=\$2 __a$1_n=$((__r + 1))"
  __r=$((__r + 1))
}

# helper: __aget
# The element at index $2 into __r, unset past either end (arrays have no holes).
__aget() {
  unset __r
  [ "$2" -lt 0 ] || __aat "$1" "$2"
}

# helper: __aat
# The element at index $2 (a number from 0 up) into __r; false past the end.
__aat() {
  eval "[ $2 -lt \"\$__a$1_n\" ] && __r=\$__a$1_$2"
}

# helper: __alen
__alen() {
  eval "__r=\$__a$1_n"
}

# helper: __ajoin
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
}

# helper: __aincludes
# shellcheck disable=SC2154 # __r is set by __aat, through eval
__aincludes() {
  __ai_i=0
  while __aat "$1" "$__ai_i"; do
    [ "$__r" = "$2" ] && return
    __ai_i=$((__ai_i + 1))
  done
  return 1
}

# helper: __aappend
__aappend() {
  __alen "$2"
  __ap_n=$__r
  __ap_i=0
  while [ "$__ap_i" -lt "$__ap_n" ]; do
    eval "__r=\$__a$2_$__ap_i"
    __apush "$1" "$__r"
    __ap_i=$((__ap_i + 1))
  done
  eval "__r=\$__a$1_n"
}

# helper: __split
# split with a separator that is not empty: the text up to each one, then the rest.
__split() {
  __an=$((${__an:-0} + 1)) __sp_i=0 __sp_s=$1
  while case $__sp_s in *"$2"*) ;; *) false ;; esac; do
    __sp_e=${__sp_s%%"$2"*} __sp_s=${__sp_s#*"$2"}
    eval "__a${__an}_$__sp_i=\$__sp_e"
    __sp_i=$((__sp_i + 1))
  done
  eval "__a${__an}_$__sp_i=\$__sp_s __a${__an}_n=$((__sp_i + 1))"
  __r=$__an
}

# helper: __splitplain
# The same for a separator that no shorter text both starts and ends (any one character,
# or ", "; not "::"): with one more appended, the text is a run of fields, each ending
# in the separator, and no separator can straddle the end of the text.
__splitplain() {
  __an=$((${__an:-0} + 1)) __sp_i=0 __sp_s=$1$2
  while [ -n "$__sp_s" ]; do
    __sp_e=${__sp_s%%"$2"*} __sp_s=${__sp_s#*"$2"}
    eval "__a${__an}_$__sp_i=\$__sp_e"
    __sp_i=$((__sp_i + 1))
  done
  eval "__a${__an}_n=$__sp_i"
  __r=$__an
}

# helper: __splitchars
# split(""): one element per character.
__splitchars() {
  __anew
  __sc_id=$__r
  __sc_s=$1
  while [ -n "$__sc_s" ]; do
    __sc_t=${__sc_s#?}
    __sc_e=${__sc_s%"$__sc_t"}
    __apush "$__sc_id" "$__sc_e"
    __sc_s=$__sc_t
  done
  __r=$__sc_id
}

# helper: __splitany
# split with a separator known only at run time.
__splitany() {
  if [ -n "$2" ]; then __split "$1" "$2"; else __splitchars "$1"; fi
}
