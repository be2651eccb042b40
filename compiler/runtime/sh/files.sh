# helper: __readfile
# The file as read, line by line, by the shell itself: the last line may lack its newline.
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
}

# helper: __readline
__readline() {
  __r=
  IFS= read -r __r || [ -n "$__r" ] || unset __r
}

# helper: __writefile
# A redirection that fails on a function call ends a POSIX shell; on `command exec` it
# does not, so the file is opened that way first. The shell's own message about a file it
# cannot create is dropped: the caller, told by the status, says what went wrong.
__writefile() {
  { command exec 3>"$1"; } 2>/dev/null || return 1
  __print "$2" >&3
  exec 3>&-
}

# helper: __appendfile
__appendfile() {
  { command exec 3>>"$1"; } 2>/dev/null || return 1
  __print "$2" >&3
  exec 3>&-
}

# helper: __listdir
# Directory entries by glob (no fork); the directory part is quoted, so only * globs.
__listdir() {
  __anew
  __ld_id=$__r
  for __ld_f in "$1"/* "$1"/.[!.]* "$1"/..?*; do
    [ -e "$__ld_f" ] || [ -L "$__ld_f" ] || continue
    __ld_n=${__ld_f##*/}
    __apush "$__ld_id" "$__ld_n"
  done
  __r=$__ld_id
}
