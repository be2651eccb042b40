# The other shims: modprobe, sleep/usleep and the virtual clock, the shell (sh, ash),
# the commands that end the run (switch_root, chroot, reboot …), pivot_root, mknod,
# wrappers that run another command, and the file utilities (busybox-static's own).

# sim_norm_module NAME: sets sim_mod to NAME with - turned into _ (as modprobe compares them).
sim_norm_module() {
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

# modprobe: busybox 1.35's applet (modutils/modprobe.c), over the scenario's modules: every
# module exists and loads, except those in missingModules. [-alrDbqvs] MODULE [PARAMS] |
# -a MODULE... A missing one: `modprobe: module NAME not found in modules.dep` (silent with
# -q), status 1. Loading md or an md personality makes /proc/mdstat show it (mdraid.sh).
sim_cmd_modprobe() {
  sim_mq=0 sim_ma=0 sim_ml=0 sim_mrm=0 sim_mD=0 sim_mods=''
  sim_mporig=
  for sim_mpa in "$@"; do
    sim_q "$sim_mpa"
    sim_mporig="$sim_mporig $sim_qv"
  done
  sim_mpops=
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      --show-depends) sim_mD=1 ;;
      --*) eval "set -- $sim_mporig"; sim_real "$@" ;;
      -?*)
        sim_mpcl=${1#-}
        while [ -n "$sim_mpcl" ]; do
          sim_mpch=${sim_mpcl%"${sim_mpcl#?}"}
          sim_mpcl=${sim_mpcl#?}
          case $sim_mpch in
            q) sim_mq=1 ;;
            v) sim_mq=0 ;;
            a) sim_ma=1 ;;
            l) sim_ml=1 ;;
            r) sim_mrm=1 ;;
            D) sim_mD=1 ;;
            s | b) ;;
            *) eval "set -- $sim_mporig"; sim_real "$@" ;;
          esac
        done
        ;;
      *) sim_q "$1"; sim_mpops="$sim_mpops $sim_qv" ;;
    esac
    shift
  done
  # -l, -r, -a and -D exclude one another as busybox's getopt32 says (l--arD:r--alD:a--lr:D--rl).
  if { [ "$sim_ml" = 1 ] && [ "$((sim_ma + sim_mrm + sim_mD))" -gt 0 ]; } || { [ "$sim_mrm" = 1 ] && [ "$((sim_ma + sim_mD))" -gt 0 ]; }; then
    eval "set -- $sim_mporig"
    sim_real "$@"
  fi
  eval "set -- $sim_mpops \"\$@\""
  [ "$sim_ml" = 1 ] && return 0
  [ $# -gt 0 ] || return 0
  if [ "$sim_ma" = 1 ] || [ "$sim_mrm" = 1 ]; then
    sim_mods=$*
  else
    sim_mods=$1
  fi
  sim_mstatus=0
  for sim_m1 in $sim_mods; do
    sim_norm_module "$sim_m1"
    if sim_module_missing "$sim_mod"; then
      [ "$sim_mq" = 1 ] || printf 'modprobe: module %s not found in modules.dep\n' "$sim_m1" >&2
      sim_mstatus=1
    elif [ "$sim_mrm" = 0 ] && [ "$sim_mD" = 0 ]; then
      # md and its personalities show in /proc/mdstat once loaded (mdraid.sh).
      sim_md_module "$sim_mod"
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

# sim_duration ARG: sets sim_us to the duration ARG in microseconds the way busybox 1.35's
# sleep reads it (libbb/duration.c): digits with an optional s, m, h or d suffix, or digits
# and dots forming one decimal number, then the suffix. Fails for anything busybox refuses.
sim_duration() {
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
  case $sim_dn in
    *.*) ;;
    *) [ "${#sim_dn}" -le 12 ] || return 1 ;;
  esac
  sim_strip_zeros "${sim_dn%%.*}"
  [ "${#sim_sz}" -le 12 ] || return 1
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

# sleep DURATION... : busybox's (never really sleeps, moves the virtual clock). Arguments it
# refuses reach the real applet, which refuses them with its own words; inf sleeps for ever.
sim_cmd_sleep() {
  if [ $# = 0 ]; then
    sim_usage
    return
  fi
  case $1 in
    [iI][nN][fF]*) sim_real "$@" ;;
  esac
  sim_total=0
  for sim_sa in "$@"; do
    sim_duration "$sim_sa" || sim_real "$@"
    sim_total=$((sim_total + sim_us))
  done
  sim_advance "$sim_total"
  return 0
}

# usleep MICROSECONDS: busybox's (xatou: digits only, below 2^32).
sim_cmd_usleep() {
  case ${1-} in
    '') sim_usage; return ;;
    *[!0-9]*) sim_real "$@" ;;
  esac
  sim_strip_zeros "$1"
  if [ "${#sim_sz}" -gt 10 ] || [ "$sim_sz" -gt 4294967295 ]; then
    sim_real "$@"
  fi
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
  # shellcheck disable=SC2034 # read by sim_end
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

# sim_in_root ROOT PATH: sets SIM_INROOT to where PATH leads inside the directory ROOT (a
# canonical path of the fake root) when ROOT is the root: symbolic links are followed, an
# absolute one from ROOT, and .. stops at ROOT. Fails (ELOOP) after 40 links.
sim_in_root() {
  sim_ir=$2
  SIM_INROOT=
  sim_irl=0
  while [ -n "$sim_ir" ]; do
    case $sim_ir in
      */*) sim_irc=${sim_ir%%/*} sim_ir=${sim_ir#*/} ;;
      *) sim_irc=$sim_ir sim_ir= ;;
    esac
    case $sim_irc in
      '' | .) continue ;;
      ..) SIM_INROOT=${SIM_INROOT%/*}; continue ;;
    esac
    if [ -L "${1%/}$SIM_INROOT/$sim_irc" ]; then
      sim_irl=$((sim_irl + 1))
      [ "$sim_irl" -le 40 ] || return 1
      sim_irt=$("$SIM_BB" readlink "${1%/}$SIM_INROOT/$sim_irc")
      case $sim_irt in /*) SIM_INROOT= ;; esac
      sim_ir=$sim_irt/$sim_ir
    else
      SIM_INROOT=$SIM_INROOT/$sim_irc
    fi
  done
  SIM_INROOT=${1%/}$SIM_INROOT
}

# sim_exec_check ROOT PROG: whether execve(PROG) would start a program with ROOT as the root
# directory (PROG a path; relative to ROOT's top, where the working directory is after a
# chroot). Sets SIM_ERR ("" when it would): the file must exist, be a regular file with an
# execute bit, and be an ELF binary or a script whose #! interpreter exists and is
# executable there (a script's interpreter is not looked into further).
sim_exec_check() {
  SIM_ERR=
  if ! sim_in_root "$1" "$2"; then
    SIM_ERR='Too many levels of symbolic links'
    return 1
  fi
  sim_ecf=$SIM_INROOT
  if [ ! -e "$sim_ecf" ]; then
    SIM_ERR='No such file or directory'
    return 1
  fi
  if [ ! -f "$sim_ecf" ] || [ ! -x "$sim_ecf" ]; then
    SIM_ERR='Permission denied'
    return 1
  fi
  sim_ecl=
  IFS= read -r sim_ecl <"$sim_ecf" 2>/dev/null
  case $sim_ecl in
    "$(printf '\177')ELF"*) return 0 ;;
    '#!'*)
      sim_eci=${sim_ecl#??}
      sim_eci=${sim_eci#"${sim_eci%%[! 	]*}"}
      sim_eci=${sim_eci%%[ 	]*}
      if ! sim_in_root "$1" "$sim_eci" || [ ! -e "$SIM_INROOT" ]; then
        SIM_ERR='No such file or directory'
        return 1
      fi
      if [ ! -f "$SIM_INROOT" ] || [ ! -x "$SIM_INROOT" ]; then
        SIM_ERR='Permission denied'
        return 1
      fi
      return 0
      ;;
  esac
  SIM_ERR='Exec format error'
  return 1
}

# sim_execvp_check ROOT PROG: like sim_exec_check, for a program execvp finds: a PROG without
# / is searched in $PATH (glibc's /bin:/usr/bin when unset); sets SIM_ERR.
sim_execvp_check() {
  case $2 in
    */*) sim_exec_check "$1" "$2"; return ;;
  esac
  sim_epath=${PATH-/bin:/usr/bin}:
  sim_eerr='No such file or directory'
  while [ -n "$sim_epath" ]; do
    sim_edir=${sim_epath%%:*}
    sim_epath=${sim_epath#*:}
    sim_exec_check "$1" "${sim_edir:-.}/$2" && return 0
    [ "$SIM_ERR" = 'No such file or directory' ] || sim_eerr=$SIM_ERR
  done
  SIM_ERR=$sim_eerr
  return 1
}

# switch_root: busybox 1.35's applet (util-linux/switch_root.c), its checks in its order:
# [-c CONSOLE] NEW_ROOT NEW_INIT [ARGS]; it can change directory to NEW_ROOT; NEW_ROOT is on
# another device than / (else the usage); it runs as PID 1 (else the usage); /init is a
# regular file; / is rootfs, ramfs or tmpfs; NEW_ROOT is a mount point (mount --move . /);
# NEW_INIT can be executed inside NEW_ROOT. Then it ends the run, switching nothing. Any
# failure exits 1: after `exec`, PID 1 exits — the panic it is on real hardware.
sim_cmd_switch_root() {
  sim_worig=
  for sim_wa in "$@"; do
    sim_q "$sim_wa"
    sim_worig="$sim_worig $sim_qv"
  done
  sim_wcon=
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      -c) [ $# -ge 2 ] || { eval "set -- $sim_worig"; sim_real "$@"; }; sim_wcon=$2; shift 2 ;;
      -c*) sim_wcon=${1#-c}; shift ;;
      -?*) eval "set -- $sim_worig"; sim_real "$@" ;;
      *) break ;;
    esac
  done
  if [ $# -lt 2 ]; then
    eval "set -- $sim_worig"
    sim_real "$@"
  fi
  sim_wroot=$1 sim_winit=$2
  if [ ! -e "$sim_wroot" ]; then
    printf "switch_root: can't change directory to '%s': No such file or directory\n" "$sim_wroot" >&2
    return 1
  fi
  if [ ! -d "$sim_wroot" ]; then
    printf "switch_root: can't change directory to '%s': Not a directory\n" "$sim_wroot" >&2
    return 1
  fi
  sim_mt_load
  sim_canon "$sim_wroot"
  sim_wdir=$SIM_CANON
  sim_mt_cover "$sim_wdir"
  sim_wnew=$SIM_MC
  eval "sim_wdev=\$SIM_MD_$sim_wnew"
  sim_mt_cover /
  eval "sim_wrootdev=\$SIM_MD_$SIM_MC sim_wrootty=\$SIM_MY_$SIM_MC"
  [ "$sim_wdev" != "$sim_wrootdev" ] || { sim_usage; return; }
  [ "$$" = 1 ] || { sim_usage; return; }
  if [ ! -f /init ]; then
    printf "switch_root: '/init' is not a regular file\n" >&2
    return 1
  fi
  case $sim_wrootty in
    rootfs | tmpfs | ramfs) ;;
    *)
      printf 'switch_root: root filesystem is not ramfs/tmpfs\n' >&2
      return 1
      ;;
  esac
  # From here on busybox has deleted the initramfs's files: a failure is a panic anyway.
  eval "sim_wtgt=\$SIM_MT_$sim_wnew"
  if [ "$sim_wtgt" != "$sim_wdir" ]; then
    printf 'switch_root: error moving root: Invalid argument\n' >&2
    return 1
  fi
  if [ -n "$sim_wcon" ]; then
    if ! sim_in_root "$sim_wdir" "$sim_wcon" || [ ! -e "$SIM_INROOT" ]; then
      printf "switch_root: can't open '%s': No such file or directory\n" "$sim_wcon" >&2
    fi
  fi
  if ! sim_exec_check "$sim_wdir" "$sim_winit"; then
    printf "switch_root: can't execute '%s': %s\n" "$sim_winit" "$SIM_ERR" >&2
    return 1
  fi
  eval "set -- $sim_worig"
  sim_end switch_root "$sim_name" "$@"
}

# chroot: busybox 1.35's applet: NEWROOT [PROG ARGS] (PROG defaults to $SHELL -i, else
# /bin/sh -i). chroot(2) must work (status 1 otherwise), then PROG must be executable inside
# NEWROOT (found on PATH there when it has no /): `can't execute`, status 127 when it is
# missing, 126 otherwise. Then it ends the run.
sim_cmd_chroot() {
  [ $# -ge 1 ] || { sim_usage; return; }
  if [ ! -e "$1" ]; then
    printf "chroot: can't change root directory to '%s': No such file or directory\n" "$1" >&2
    return 1
  fi
  if [ ! -d "$1" ]; then
    printf "chroot: can't change root directory to '%s': Not a directory\n" "$1" >&2
    return 1
  fi
  sim_canon "$1"
  sim_croot=$SIM_CANON
  if [ $# -ge 2 ]; then
    sim_cprog=$2
  else
    sim_cprog=${SHELL:-/bin/sh}
  fi
  if ! sim_execvp_check "$sim_croot" "$sim_cprog"; then
    printf "chroot: can't execute '%s': %s\n" "$sim_cprog" "$SIM_ERR" >&2
    [ "$SIM_ERR" = 'No such file or directory' ] && return 127
    return 126
  fi
  sim_end exec "$sim_name" "$@"
}

# pivot_root: busybox 1.35's applet over pivot_root(2) (Linux 6.1, fs/namespace.c): both
# paths must be directories; neither may be on the caller's root mount (EBUSY); the root must
# be a mount point with a parent — which the initramfs's rootfs never is (EINVAL) — and
# NEW_ROOT a mount point. busybox prints `pivot_root: (null): ERROR`. It never succeeds from
# an initramfs: that is why switch_root exists.
sim_cmd_pivot_root() {
  [ $# = 2 ] || { sim_usage; return; }
  sim_mt_load
  sim_perr=
  if ! sim_lookup_path "$1" dir; then
    sim_perr=$SIM_ERR
  else
    sim_pnew=$SIM_CANON
    if ! sim_lookup_path "$2" dir; then
      sim_perr=$SIM_ERR
    else
      sim_pold=$SIM_CANON
      sim_mt_cover /
      sim_proot=$SIM_MC
      sim_mt_cover "$sim_pnew"
      sim_pnm=$SIM_MC
      sim_mt_cover "$sim_pold"
      if [ "$sim_pnm" = "$sim_proot" ] || [ "$SIM_MC" = "$sim_proot" ]; then
        sim_perr='Device or resource busy'
      else
        # The root is the initramfs's rootfs, or a mount on it: never attached to a parent.
        sim_perr='Invalid argument'
      fi
    fi
  fi
  printf 'pivot_root: (null): %s\n' "$sim_perr" >&2
  return 1
}

# reboot, poweroff, halt: busybox 1.35's applets (init/halt.c): [-d DELAY] [-nfwi]. With -f
# they end the run. Without it they only signal PID 1 (SIGTERM, SIGUSR2, SIGUSR1), as
# busybox does for its own init: a shell that is PID 1 ignores a signal it has no trap for,
# so the command returns 0 and nothing happens (exec'ed, PID 1 then exits). -w does nothing.
sim_cmd_halt() {
  sim_horig=
  for sim_ha in "$@"; do
    sim_q "$sim_ha"
    sim_horig="$sim_horig $sim_qv"
  done
  sim_hf=0 sim_hw=0 sim_hdelay=0
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      -?*)
        sim_hcl=${1#-}
        shift
        while [ -n "$sim_hcl" ]; do
          sim_hch=${sim_hcl%"${sim_hcl#?}"}
          sim_hcl=${sim_hcl#?}
          case $sim_hch in
            f) sim_hf=1 ;;
            w) sim_hw=1 ;;
            n | i) ;;
            d)
              if [ -z "$sim_hcl" ]; then
                [ $# -gt 0 ] || { eval "set -- $sim_horig"; sim_real "$@"; }
                sim_hcl=$1
                shift
              fi
              case $sim_hcl in '' | *[!0-9]*) eval "set -- $sim_horig"; sim_real "$@" ;; esac
              sim_hdelay=$sim_hcl
              sim_hcl=
              ;;
            *) eval "set -- $sim_horig"; sim_real "$@" ;;
          esac
        done
        ;;
      *) shift ;;
    esac
  done
  sim_strip_zeros "$sim_hdelay"
  [ "$sim_sz" = 0 ] || sim_advance "$((sim_sz * 1000000))"
  [ "$sim_hw" = 1 ] && return 0
  if [ "$sim_hf" = 1 ]; then
    eval "set -- $sim_horig"
    sim_end "$sim_name" "$sim_name" "$@"
  fi
  case $sim_name in
    reboot) sim_hsig=TERM ;;
    poweroff) sim_hsig=USR2 ;;
    *) sim_hsig=USR1 ;;
  esac
  kill -s "$sim_hsig" 1 2>/dev/null
  # busybox waits up to 4 s for /proc/meminfo (a sign that init has started), then signals again.
  if [ ! -e /proc/meminfo ]; then
    sim_advance 4000000
    kill -s "$sim_hsig" 1 2>/dev/null
  fi
  return 0
}

# mknod: busybox 1.35's applet. A FIFO (p) is really made; a block or character device
# cannot be in the simulator's user namespace, so when that is all that failed, the node is
# modelled: an empty file with the mode, the kit's block node (b) or /dev/null (c) bound on
# it, so that -b and -c tests hold (its numbers are not the ones asked for).
sim_cmd_mknod() {
  "$SIM_BB" mknod "$@" 2>"$SIM_STATE/mknod.err" && return 0
  sim_kstatus=$?
  sim_kerr=
  IFS= read -r sim_kerr <"$SIM_STATE/mknod.err"
  sim_kmode=
  sim_kn=0
  while [ $# -gt 0 ]; do
    case $1 in
      -m) sim_kmode=$2; shift 2; continue ;;
      -m*) sim_kmode=${1#-m} ;;
      -Z) shift ;;
      --) ;;
      *)
        sim_kn=$((sim_kn + 1))
        [ "$sim_kn" = 1 ] && sim_kname=$1
        [ "$sim_kn" = 2 ] && sim_ktype=$1
        ;;
    esac
    shift
  done
  case $sim_kerr:$sim_ktype in
    *': Operation not permitted':[bcu]*)
      : >"$sim_kname" || return 1
      [ -n "$sim_kmode" ] && "$SIM_BB" chmod "$sim_kmode" "$sim_kname"
      case $sim_ktype in
        b*) [ "$SIM_BLK" = 1 ] && sim_helper mount -n --bind /.sim/blk "$sim_kname" ;;
        *) sim_helper mount -n --bind /.sim/null "$sim_kname" ;;
      esac
      return 0
      ;;
  esac
  "$SIM_BB" cat "$SIM_STATE/mknod.err" >&2
  return "$sim_kstatus"
}

# sim_execvp ARGS...: runs ARGS like busybox's BB_EXECVP_or_die: the program from PATH
# (/bin:/usr/bin when unset), or `APPLET: can't execute 'PROG': ERROR` and status 127 (126).
sim_execvp() {
  sim_xprog=$1
  case $1 in
    */*) [ -e "$1" ] && exec "$@" ;;
    *)
      shift
      sim_xpath=${PATH-/bin:/usr/bin}:
      while [ -n "$sim_xpath" ]; do
        sim_xdir=${sim_xpath%%:*}
        sim_xpath=${sim_xpath#*:}
        [ -f "${sim_xdir:-.}/$sim_xprog" ] && [ -x "${sim_xdir:-.}/$sim_xprog" ] && exec "${sim_xdir:-.}/$sim_xprog" "$@"
      done
      ;;
  esac
  printf "%s: can't execute '%s': No such file or directory\n" "$sim_name" "$sim_xprog" >&2
  exit 127
}

# setsid [-c] PROG ARGS, cttyhack PROG ARGS, nohup PROG ARGS: busybox's, running PROG from
# PATH (so a shim is traced again). cttyhack finds no console of its own here; nohup sends
# output that would go to a terminal to nohup.out. busybox APPLET ARGS runs APPLET from PATH
# the same way; busybox --install does nothing (the fake root has its commands already).
sim_cmd_wrapper() {
  case $sim_name in
    setsid)
      while [ $# -gt 0 ]; do
        case $1 in
          --) shift; break ;;
          -c) shift ;;
          -?*) sim_real "$@" ;;
          *) break ;;
        esac
      done
      [ $# -gt 0 ] || { sim_usage; return; }
      ;;
    cttyhack)
      [ $# -gt 0 ] || return 1
      ;;
    nohup)
      [ $# -gt 0 ] || { sim_usage; return 127; }
      [ -t 0 ] && exec </dev/null
      if [ -t 1 ]; then
        sim_wout=nohup.out
        if ! { exec >>"$sim_wout"; } 2>/dev/null; then
          sim_wout=${HOME:-}/nohup.out
          exec >>"$sim_wout"
        fi
        printf 'nohup: appending output to %s\n' "$sim_wout" >&2
      fi
      [ -t 2 ] && exec 2>&1
      trap '' HUP
      ;;
    busybox)
      case ${1-} in
        '' | --help | --list | --list-full) sim_real "$@" ;;
        --install) return 0 ;;
      esac
      ;;
  esac
  sim_execvp "$@"
}

# free [-bkmgh]: busybox 1.35's table, from the machine's /proc/meminfo (the real applet asks
# the kernel with sysinfo(), which the simulated machine cannot answer): total MemTotal, free
# MemFree, shared Shmem, buff/cache Buffers + Cached + SReclaimable, used the rest, available
# MemAvailable; Swap from SwapTotal and SwapFree. Each label is 7 columns wide and each value
# 12, in kB (-k, the default), bytes (-b), or MB/GB rounded to the nearest (-m, -g; busybox
# scales that way). Only the first argument counts, as busybox reads only that one. -h (one
# decimal and a unit) is not modelled: it fails, saying so.
sim_cmd_free() {
  sim_fscale=k
  case ${1-} in
    '') ;;
    -b | -k | -m | -g) sim_fscale=${1#-} ;;
    -h)
      printf 'initsh simulate: free -h is not modelled (use free, -k, -m, -g or -b)\n' >&2
      return 1
      ;;
    -*) sim_real "$@" ;;
  esac
  sim_ftotal=0 sim_ffree=0 sim_fshared=0 sim_fbuf=0 sim_favail=0 sim_fswt=0 sim_fswf=0
  while read -r sim_fkey sim_fval _; do
    case $sim_fkey in
      MemTotal:) sim_ftotal=$sim_fval ;;
      MemFree:) sim_ffree=$sim_fval ;;
      MemAvailable:) sim_favail=$sim_fval ;;
      Shmem:) sim_fshared=$sim_fval ;;
      Buffers: | Cached: | SReclaimable:) sim_fbuf=$((sim_fbuf + sim_fval)) ;;
      SwapTotal:) sim_fswt=$sim_fval ;;
      SwapFree:) sim_fswf=$sim_fval ;;
    esac
  done </proc/meminfo
  printf '       %12s%12s%12s%12s%12s%12s\n' total used free shared buff/cache available
  printf 'Mem:   '
  for sim_fv in "$sim_ftotal" "$((sim_ftotal - sim_ffree - sim_fbuf))" "$sim_ffree" "$sim_fshared" "$sim_fbuf" "$sim_favail"; do
    sim_free_value "$sim_fv"
  done
  printf '\nSwap:  '
  for sim_fv in "$sim_fswt" "$((sim_fswt - sim_fswf))" "$sim_fswf"; do
    sim_free_value "$sim_fv"
  done
  printf '\n'
  return 0
}

# sim_free_value KB: one column of free's table in the chosen unit.
sim_free_value() {
  case $sim_fscale in
    b) printf '%12s' "$(($1 * 1024))" ;;
    k) printf '%12s' "$1" ;;
    m) printf '%12s' "$((($1 + 512) / 1024))" ;;
    g) printf '%12s' "$((($1 + 524288) / 1048576))" ;;
  esac
}
