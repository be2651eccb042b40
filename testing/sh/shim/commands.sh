# The other shims: modprobe, sleep/usleep and the virtual clock, the shell (sh, ash),
# the commands that end the run, mkdir, and wrappers that run another command.

# sim_norm_module NAME: sets sim_mod to NAME with - turned into _ (as kmod compares them).
sim_norm_module() {
  local sim_mr
  sim_mod=
  sim_mr=$1
  while :; do
    case $sim_mr in
      *-*)
        sim_mod=$sim_mod${sim_mr%%-*}_
        sim_mr=${sim_mr#*-}
        ;;
      *) break ;;
    esac
  done
  sim_mod=$sim_mod$sim_mr
}

# modprobe [-q] [-a] [-r] MODULE [PARAMS…] | modprobe -a MODULE…
sim_cmd_modprobe() {
  sim_mq=0 sim_ma=0 sim_mrm=0 sim_mn=0 sim_mstatus=0 sim_mods=''
  while [ $# -gt 0 ]; do
    case $1 in
      -d | --dirname | -S | --set-version | -C | --config) shift ;;
      --quiet) sim_mq=1 ;;
      --all) sim_ma=1 ;;
      --remove) sim_mrm=1 ;;
      --*) ;;
      -?*)
        case $1 in *q*) sim_mq=1 ;; esac
        case $1 in *a*) sim_ma=1 ;; esac
        case $1 in *r*) sim_mrm=1 ;; esac
        ;;
      *)
        sim_mn=$((sim_mn + 1))
        if [ "$sim_mn" = 1 ] || [ "$sim_ma" = 1 ]; then
          sim_mods="$sim_mods $1"
        fi
        ;;
    esac
    [ $# -gt 0 ] && shift
  done
  [ "$sim_mrm" = 1 ] && return 0
  if [ -z "$sim_mods" ]; then
    printf 'modprobe: ERROR: missing parameters. See -h.\n' >&2
    return 1
  fi
  for sim_m1 in $sim_mods; do
    sim_norm_module "$sim_m1"
    if sim_module_missing "$sim_mod"; then
      [ "$sim_mq" = 1 ] || printf 'modprobe: module %s not found\n' "$sim_m1" >&2
      sim_mstatus=1
    fi
  done
  return "$sim_mstatus"
}

# sim_strip_zeros NUMBER: sets sim_sz to NUMBER without leading zeros (sh arithmetic would
# read them as octal).
sim_strip_zeros() {
  sim_sz=$1
  while :; do
    case $sim_sz in
      0?*) sim_sz=${sim_sz#0} ;;
      *) break ;;
    esac
  done
  sim_sz=${sim_sz:-0}
}

# sim_duration ARG: sets sim_us to the duration ARG (seconds, fractions and an s/m/h/d
# suffix allowed, as coreutils sleep takes them) in microseconds; fails when invalid.
sim_duration() {
  local sim_dn sim_dmul sim_dint sim_dfrac
  sim_dn=$1
  sim_dmul=1
  case $sim_dn in
    *s) sim_dn=${sim_dn%s} ;;
    *m) sim_dn=${sim_dn%m} sim_dmul=60 ;;
    *h) sim_dn=${sim_dn%h} sim_dmul=3600 ;;
    *d) sim_dn=${sim_dn%d} sim_dmul=86400 ;;
  esac
  case $sim_dn in
    '' | . | *[!0-9.]* | *.*.*) return 1 ;;
  esac
  sim_strip_zeros "${sim_dn%%.*}"
  sim_dint=$sim_sz
  sim_dfrac=
  case $sim_dn in *.*) sim_dfrac=${sim_dn#*.} ;; esac
  sim_dfrac=${sim_dfrac}000000
  sim_dfrac=${sim_dfrac%"${sim_dfrac#??????}"}
  sim_strip_zeros "$sim_dfrac"
  sim_us=$(((sim_dint * 1000000 + sim_sz) * sim_dmul))
}

# sim_advance MICROSECONDS: moves the virtual clock on and lets devices appear.
sim_advance() {
  sim_now
  printf '%s\n' "$((SIM_NOW + $1))" >"$SIM_STATE/clock"
  sim_schedule
}

# sleep DURATION... (never really sleeps)
sim_cmd_sleep() {
  if [ $# = 0 ]; then
    printf 'sleep: missing operand\n' >&2
    return 1
  fi
  sim_total=0
  for sim_sa in "$@"; do
    if ! sim_duration "$sim_sa"; then
      printf "sleep: invalid time interval '%s'\n" "$sim_sa" >&2
      return 1
    fi
    sim_total=$((sim_total + sim_us))
  done
  sim_advance "$sim_total"
  return 0
}

# usleep MICROSECONDS
sim_cmd_usleep() {
  case $1 in
    '' | *[!0-9]*)
      printf 'usleep: invalid number %s\n' "$1" >&2
      return 1
      ;;
  esac
  sim_strip_zeros "$1"
  sim_advance "$sim_sz"
  return 0
}

# sh / ash: with -c or a script operand it runs the code under the run's shell (dash or
# busybox ash, SIM_SHELL; its commands are traced too); otherwise it is the rescue shell: it
# "exits" SIM_RESCUE_EXITS times, then ends the run.
sim_cmd_sh() {
  for sim_sa in "$@"; do
    case $sim_sa in
      --*) ;;
      [-+]*c*) sim_shell_exec "$@" ;;
      [-+]*) ;;
      *) sim_shell_exec "$@" ;;
    esac
  done
  sim_counter rescue
  [ "$SIM_COUNT" -le "$SIM_RESCUE_EXITS" ] && return 0
  SIM_END_STARTS=$SIM_COUNT
  sim_end rescue "$sim_name" "$@"
}

# sim_shell_exec ARGS…: replaces this process with the run's shell, named as it was called
# (sh or ash: that is $0 of `sh -c …`, and how its messages start, as on a real system).
sim_shell_exec() {
  if [ "$SIM_SHELL" = busybox ]; then
    exec "$SIM_KIT/bin/busybox" "$sim_name" "$@"
  elif [ "$SIM_LD_ARGV0" = 1 ]; then
    exec "$SIM_KIT/lib/$SIM_LD_NAME" --library-path "$SIM_KIT/lib" --argv0 "$sim_name" "$SIM_KIT/bin/dash" "$@"
  else
    exec "$SIM_KIT/bin/dash" "$@"
  fi
}

# switch_root [-c CONSOLE] NEWROOT INIT [ARGS…]
sim_cmd_switch_root() {
  sim_wn=0 sim_wroot=''
  sim_wskip=0
  for sim_wa in "$@"; do
    if [ "$sim_wskip" = 1 ]; then
      sim_wskip=0
      continue
    fi
    case $sim_wa in
      -c) [ "$sim_wn" = 0 ] && sim_wskip=1 ;;
      *)
        sim_wn=$((sim_wn + 1))
        [ "$sim_wn" = 1 ] && sim_wroot=$sim_wa
        ;;
    esac
  done
  if [ "$sim_wn" -lt 2 ]; then
    printf 'Usage: switch_root [-c CONSOLE] NEW_ROOT NEW_INIT [ARGS]\n' >&2
    return 1
  fi
  if [ ! -d "$sim_wroot" ]; then
    printf 'switch_root: failed to change directory to %s: No such file or directory\n' "$sim_wroot" >&2
    return 1
  fi
  sim_end switch_root "$sim_name" "$@"
}

# chroot NEWROOT [COMMAND [ARGS…]]
sim_cmd_chroot() {
  if [ $# = 0 ]; then
    printf 'chroot: missing operand\n' >&2
    return 125
  fi
  if [ ! -d "$1" ]; then
    printf "chroot: cannot change root directory to '%s': No such file or directory\n" "$1" >&2
    return 125
  fi
  sim_end exec "$sim_name" "$@"
}

# setsid / cttyhack / nohup / busybox: trace themselves, then run the command they were
# given (found on PATH, so a shim is traced again).
sim_cmd_wrapper() {
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      -*) shift ;;
      *) break ;;
    esac
  done
  [ $# = 0 ] && return 0
  exec "$@"
}
