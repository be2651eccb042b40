# helper: printf
# replaces: printf-nodash printf-plain
# Printing is `printf '%s\n' text` at every call site. printf is a builtin in most shells,
# but not in posh or mksh: there this function stands in for it, so printing never forks.
# It prints its second argument, through echo; their echo reads backslash escapes and a
# leading -n, so backslashes are doubled and a leading - becomes the escape \0055.
if ! PATH=/nonexistent command -v printf >/dev/null; then
  # shellcheck disable=SC2317 # called in posh and mksh
  printf() {
    __pf_s=$2 __pf_o=
    case $__pf_s in -*) __pf_s=${__pf_s#-} __pf_o='\0055' ;; esac
    while case $__pf_s in *\\*) ;; *) false ;; esac; do
      __pf_o=$__pf_o${__pf_s%%\\*}\\\\ __pf_s=${__pf_s#*\\}
    done
    echo "$__pf_o$__pf_s"
  }
fi

# helper: printf-text
# replaces: printf printf-nodash printf-plain
# The same, for a program that also prints text without a newline (`printf '%s'`).
if ! PATH=/nonexistent command -v printf >/dev/null; then
  # shellcheck disable=SC2317 # called in posh and mksh
  printf() {
    __pf_s=$2 __pf_o=
    case $__pf_s in -*) __pf_s=${__pf_s#-} __pf_o='\0055' ;; esac
    while case $__pf_s in *\\*) ;; *) false ;; esac; do
      __pf_o=$__pf_o${__pf_s%%\\*}\\\\ __pf_s=${__pf_s#*\\}
    done
    case $1 in
      '%s') echo "$__pf_o$__pf_s\c" ;;
      *) echo "$__pf_o$__pf_s" ;;
    esac
  }
fi

# helper: printf-nodash
# replaces: printf-plain
# For a program whose every printed line starts with fixed text or a number (see
# lower/builtins/console.ts): no leading - to escape.
if ! PATH=/nonexistent command -v printf >/dev/null; then
  # shellcheck disable=SC2317 # called in posh and mksh
  printf() {
    __pf_s=$2 __pf_o=
    while case $__pf_s in *\\*) ;; *) false ;; esac; do
      __pf_o=$__pf_o${__pf_s%%\\*}\\\\ __pf_s=${__pf_s#*\\}
    done
    echo "$__pf_o$__pf_s"
  }
fi

# helper: printf-plain
# For a program whose every printf prints a line of plain text (no backslash, no leading
# -), echo prints it as printf would.
if ! PATH=/nonexistent command -v printf >/dev/null; then
  # shellcheck disable=SC2317 # called in posh and mksh
  printf() { echo "$2"; }
fi

# helper: __print
# uses: printf-text
# Text without a newline: the printf stand-in of shells without a printf builtin (see
# helpers.ts) ends its echo with \c when the format is '%s'.
__print() { printf '%s' "$1"; }

# helper: __fail
__fail() {
  printf '%s\n' "$1" >&2
  exit 1
}

# helper: __nl
# A newline, for patterns (see the for…of over split in lower/visitors/loops.ts).
__nl='
'
