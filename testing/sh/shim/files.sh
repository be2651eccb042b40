# The file utilities (cat, cp, sed, od …): busybox-static's own applets, run on the fake
# root. Part of the core of the library, which every shim loads (the models only when needed).

# A file utility (cat, cp, sed, od …): busybox-static's own applet, run on the fake root.
# Operands of a disk reader (od, hexdump, dd if=…) that name a present disk read the disk's
# image instead (its synthesized partition table, sim_disk_image).
sim_cmd_file_applet() {
  if [ "$sim_name" = ls ] && [ ! -t 1 ] && sim_lists_root "$@"; then
    sim_ls_root "$@"
  fi
  [ "$sim_name" = cp ] && sim_cp "$@"
  if sim_disk_reader "$sim_name"; then
    sim_disk_args "$@"
    eval "set -- $sim_da"
  fi
  exec "$SIM_BB" "$sim_name" "$@"
}

# sim_disk_args ARG...: sets sim_da to the arguments, quoted for eval, with each one that
# names a present disk (also dd's if=DISK) replaced by the path of its image.
sim_disk_args() {
  sim_da=
  sim_pl_load
  for sim_dv in "$@"; do
    sim_dp=
    case $sim_dv in
      if=/*) sim_disk_image "${sim_dv#if=}" && sim_dp=if=$SIM_IMG ;;
      /*) sim_disk_image "$sim_dv" && sim_dp=$SIM_IMG ;;
    esac
    sim_q "${sim_dp:-$sim_dv}"
    sim_da="$sim_da $sim_qv"
  done
}

# sim_disk_image PATH: sets SIM_IMG to the image of the disk at PATH, when PATH is a present
# disk (seen there now: in /dev, or where the init moved /dev, SIM_PL_dev) that has one;
# fails otherwise.
sim_disk_image() {
  [ -e "$1" ] || return 1
  case $1 in
    "$SIM_PL_dev"/*) sim_dip=/dev/${1#"$SIM_PL_dev"/} ;;
    *) return 1 ;;
  esac
  sim_lookup "$sim_dip" || return 1
  sim_dev "$SIM_IDX"
  [ -n "$D_IMAGE" ] || return 1
  SIM_IMG=$D_IMAGE
}

# sim_lists_root ARG...: whether `ls ARG…` lists the root directory alone (the operand `/`, or
# none in `/`), where the simulator keeps its kit (/.sim) that no initramfs has.
sim_lists_root() {
  sim_lr=
  for sim_la in "$@"; do
    case $sim_la in
      -?*) ;;
      /) sim_lr=/ ;;
      *) return 1 ;;
    esac
  done
  [ -n "$sim_lr" ] || [ "$PWD" = / ]
}

# sim_ls_root ARG...: the real ls of `/` into a pipe or file, without the kit's own entry
# (`.sim`, or a long listing's line ending in ` .sim`); ls's status. Exits.
sim_ls_root() {
  sim_lo=$("$SIM_BB" ls "$@"; printf '\n%s' "$?")
  sim_ls=${sim_lo##*"$SIM_NL"}
  sim_lo=${sim_lo%"$SIM_NL"*}
  if [ -n "$sim_lo" ]; then
    while IFS= read -r sim_ll; do
      case $sim_ll in
        .sim | *" .sim") ;;
        *) printf '%s\n' "$sim_ll" ;;
      esac
    done <<SIM_LS
$sim_lo
SIM_LS
  fi
  exit "$sim_ls"
}

# sim_cp ARG...: the real cp; then, as for mknod, the device nodes it could not make (a user
# namespace may not make them; root in an initramfs may) are modelled: an empty file with the
# source's mode, /dev/null (c) or the kit's block node (b) bound on it. Any other error is cp's
# own, with its status. Exits.
sim_cp() {
  sim_cp_operands "$@"
  "$SIM_BB" cp "$@" 2>"$SIM_STATE/cp.err" && exit 0
  sim_cs=$?
  sim_cdests=''
  while IFS= read -r sim_cl; do
    case $sim_cl in
      "cp: can't create '"*"': Operation not permitted")
        sim_cl=${sim_cl#"cp: can't create '"}
        sim_cdests=$sim_cdests${sim_cl%"': Operation not permitted"}$SIM_NL
        ;;
      *) sim_cdests=; break ;;
    esac
  done <"$SIM_STATE/cp.err"
  if [ -z "$sim_cdests" ]; then
    "$SIM_BB" cat "$SIM_STATE/cp.err" >&2
    exit "$sim_cs"
  fi
  while IFS= read -r sim_cd; do
    [ -n "$sim_cd" ] || continue
    sim_cfrom=
    while IFS= read -r sim_cs1; do
      [ -n "$sim_cs1" ] || continue
      sim_cinto=$sim_ctarget
      [ -n "$sim_cinto_dir" ] && sim_cinto=${sim_ctarget%/}/${sim_cs1##*/}
      case $sim_cd in
        "$sim_cinto" | "$sim_cinto"/*) sim_cfrom=$sim_cs1${sim_cd#"$sim_cinto"} ;;
      esac
    done <<SIM_CS
$sim_csrcs
SIM_CS
    if [ -c "$sim_cfrom" ] || [ -b "$sim_cfrom" ]; then
      : >"$sim_cd" || exit "$sim_cs"
      "$SIM_BB" chmod "$("$SIM_BB" stat -c %a "$sim_cfrom")" "$sim_cd"
      if [ -b "$sim_cfrom" ]; then
        [ "$SIM_BLK" = 1 ] && sim_helper mount -n --bind /.sim/blk "$sim_cd"
      else
        sim_helper mount -n --bind /.sim/null "$sim_cd"
      fi
    else
      printf "cp: can't create '%s': Operation not permitted\n" "$sim_cd" >&2
      sim_cfail=1
    fi
  done <<SIM_CD
$sim_cdests
SIM_CD
  [ -z "${sim_cfail-}" ] || exit "$sim_cs"
  exit 0
}

# sim_cp_operands ARG...: cp's operands: sim_csrcs the sources (one per line), sim_ctarget the
# target (or -t DIR), sim_cinto_dir 1 when each source goes into it (a directory before cp runs:
# a directory cp makes is the copy itself). Options are otherwise ignored.
sim_cp_operands() {
  sim_csrcs='' sim_ctarget='' sim_cflat=''
  while [ $# -gt 0 ]; do
    case $1 in
      -t) sim_ctarget=$2; shift ;;
      -T) sim_cflat=1 ;;
      --) shift; break ;;
      -?*) ;;
      *) sim_csrcs=$sim_csrcs$1$SIM_NL ;;
    esac
    shift
  done
  for sim_ca; do sim_csrcs=$sim_csrcs$sim_ca$SIM_NL; done
  if [ -z "$sim_ctarget" ]; then
    sim_csrcs=${sim_csrcs%"$SIM_NL"}
    sim_ctarget=${sim_csrcs##*"$SIM_NL"}
    sim_csrcs=${sim_csrcs%"$sim_ctarget"}
  fi
  sim_cinto_dir=''
  [ -z "$sim_cflat" ] && [ -d "$sim_ctarget" ] && sim_cinto_dir=1
}
