# Helpers shared by every shim: state paths, the trace, the virtual clock, quoting,
# path normalisation, the helper binaries, and ending the run.
# Runs under dash inside the fake root; sourced, never executed.
# Every name starts with sim_ / SIM_ so the init's exported variables cannot collide.

SIM_STATE=/.sim/state
SIM_KIT=/.sim/kit
# The contents of the harness's /proc, /sys and /dev (SIM_PFS/proc …), bind-mounted where
# the init sees them; shims write there, wherever those mounts currently are (mounts.sh).
SIM_PFS=/.sim/pfs
SIM_NL='
'
SIM_SQ="'"

# sim_now: sets SIM_NOW to the virtual clock, in microseconds since boot.
sim_now() {
  IFS= read -r SIM_NOW <"$SIM_STATE/clock" || SIM_NOW=0
}

# sim_trace ARGV...: appends one trace record: time, argc, then every argument, each
# terminated by a NUL byte (arguments cannot contain NUL, so any other byte survives).
sim_trace() {
  sim_now
  printf '%s\0' "$SIM_NOW" "$#" "$@" >>"$SIM_STATE/trace"
}

# sim_q VALUE: sets sim_qv to VALUE quoted for sh ('…' with ' written as '\'').
sim_q() {
  sim_qs=$1
  sim_qv=
  while :; do
    case $sim_qs in
      *"$SIM_SQ"*)
        sim_qv=$sim_qv${sim_qs%%"$SIM_SQ"*}"'\\''"
        sim_qs=${sim_qs#*"$SIM_SQ"}
        ;;
      *) break ;;
    esac
  done
  sim_qv="'$sim_qv$sim_qs'"
}

# sim_abs PATH: sets SIM_ABS to PATH made absolute (against $PWD) with ., .. and repeated
# slashes removed lexically. Symbolic links are not resolved.
sim_abs() {
  case $1 in
    /*) sim_ar=$1/ ;;
    *) sim_ar=$PWD/$1/ ;;
  esac
  SIM_ABS=
  while [ -n "$sim_ar" ]; do
    sim_ac=${sim_ar%%/*}
    sim_ar=${sim_ar#*/}
    case $sim_ac in
      '' | .) ;;
      ..) SIM_ABS=${SIM_ABS%/*} ;;
      *) SIM_ABS=$SIM_ABS/$sim_ac ;;
    esac
  done
  SIM_ABS=${SIM_ABS:-/}
}

# sim_pl_load: sets SIM_PL_proc, SIM_PL_sys and SIM_PL_dev to where the harness's pseudo
# filesystems are mounted now (their own places until the init moves or unmounts them),
# and SIM_PC_proc … to 1 once the init has mounted that one (before, it stays in place
# without a table entry).
sim_pl_load() {
  SIM_PL_proc=/proc SIM_PL_sys=/sys SIM_PL_dev=/dev
  # shellcheck disable=SC2034 # read through eval
  SIM_PC_proc=0 SIM_PC_sys=0 SIM_PC_dev=0 SIM_PL_DIRTY=0
  # shellcheck disable=SC1091 # written by sim_pfs_sync
  [ -f "$SIM_STATE/places" ] && . "$SIM_STATE/places"
  :
}

# sim_helper NAME ARGS...: runs one of the host binaries kept in the kit (mount, mkdir)
# through the kit's own dynamic loader, so no host library is exposed at a standard path.
sim_helper() {
  sim_hn=$1
  shift
  if [ "$SIM_LD_ARGV0" = 1 ]; then
    "$SIM_KIT/lib/$SIM_LD_NAME" --library-path "$SIM_KIT/lib" --argv0 "$sim_hn" "$SIM_KIT/bin/$sim_hn" "$@"
  else
    "$SIM_KIT/lib/$SIM_LD_NAME" --library-path "$SIM_KIT/lib" "$SIM_KIT/bin/$sim_hn" "$@"
  fi
}

# sim_counter NAME: increments the counter kept in $SIM_STATE/NAME and sets SIM_COUNT to
# its new value.
sim_counter() {
  SIM_COUNT=0
  [ -f "$SIM_STATE/$1" ] && IFS= read -r SIM_COUNT <"$SIM_STATE/$1"
  SIM_COUNT=$((SIM_COUNT + 1))
  printf '%s\n' "$SIM_COUNT" >"$SIM_STATE/$1"
}

# sim_ov_take N TIMES: succeeds when override N may apply once more (TIMES 0 = always),
# counting the use.
sim_ov_take() {
  [ "$2" -gt 0 ] || return 0
  sim_oc=0
  [ -f "$SIM_STATE/override.$1" ] && IFS= read -r sim_oc <"$SIM_STATE/override.$1"
  [ "$sim_oc" -lt "$2" ] || return 1
  printf '%s\n' "$((sim_oc + 1))" >"$SIM_STATE/override.$1"
}

# sim_lower TEXT: sets SIM_LOWER to TEXT with A-Z made lower case (TEXT holds no newline).
sim_lower() {
  case $1 in
    *[A-Z]*) SIM_LOWER=$(printf '%s' "$1" | "$SIM_BB" tr A-Z a-z) ;;
    *) SIM_LOWER=$1 ;;
  esac
}

# sim_usage: prints the usage text of the running applet exactly as busybox 1.35 does
# (its own, from the kit's busybox-static, on stderr) and returns 1, its status for it.
sim_usage() {
  "$SIM_BB" "$sim_name" --help
  return 1
}

# sim_real ARGS...: runs the running applet's real busybox-static build on ARGS, in place
# of this shim. Only for arguments it is known to refuse before doing anything (usage and
# option errors), so that its message is exactly busybox's.
sim_real() {
  exec "$SIM_BB" "$sim_name" "$@"
}

# sim_end KIND ARGV...: records how the run ended (the first outcome wins), wakes the
# watcher outside the namespace, which kills the whole machine, and waits for that.
sim_end() {
  sim_ek=$1
  shift
  sim_ep=0
  [ "$$" = 1 ] && sim_ep=1
  set -C
  { printf '%s\0' "$sim_ek" "${SIM_END_STARTS:-0}" "$sim_ep" "$@" >"$SIM_STATE/outcome"; } 2>>"$SIM_STATE/errors"
  set +C
  printf 'end\n' >"$SIM_STATE/end"
  : <"$SIM_STATE/hold"
  exit 0
}
