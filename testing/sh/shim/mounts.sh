# The simulated mount table, the mount and umount shims, and the harness's pseudo
# filesystems.
#
# $SIM_STATE/mounts is an sh file of lines `sim_m 'SOURCE' 'TARGET' 'TYPE' 'OPTIONS' ['KIND']`,
# oldest first; loading it fills SIM_MS_i, SIM_MT_i, SIM_MY_i, SIM_MO_i, SIM_MK_i
# (i = 1..SIM_MN), and SIM_MX_i marks an entry removed before the table is saved again.
# Saving also rewrites the fake /proc/mounts. Mounting a disk is only a table entry: the
# files the init sees stay those of the fake root.
#
# Pseudo filesystems. The harness's /proc, /sys and /dev are real directories,
# SIM_PFS/proc, /sys and /dev, each bind-mounted (by inner.sh) on the empty directory of
# the same name in the fake root, and /dev's files carry further binds (console, null,
# block nodes). KIND (proc, sys or dev) marks the table entry that *is* one of them: the
# first `mount -t proc` on /proc (sysfs on /sys, devtmpfs or tmpfs on /dev) the init
# makes. Until then the harness's files show anyway (an init reads them only after
# mounting them, in practice), and nothing the init does moves them. After every change of
# the table, sim_pfs_sync really moves each claimed bind to where its entry now is (mount
# --move, which takes the binds below along): to X after `mount --move /proc X` (or after
# moving a mount that X is below), and to the hidden SIM_PFS_PARK/KIND once its entry is
# unmounted, so the old place is the empty directory below, as on a real kernel. Mounting
# proc, sysfs or devtmpfs while the harness's one is unmounted brings it back, at the new
# target. $SIM_STATE/places records where each is now (SIM_PL_KIND) and whether the init
# has mounted it yet (SIM_PC_KIND). The shims write the contents in SIM_PFS, so they show
# wherever the binds are, and bind new device nodes below SIM_PL_dev.

SIM_PFS_PARK=/.sim/park

sim_m() {
  SIM_MN=$((SIM_MN + 1))
  eval "SIM_MS_$SIM_MN=\$1 SIM_MT_$SIM_MN=\$2 SIM_MY_$SIM_MN=\$3 SIM_MO_$SIM_MN=\$4 SIM_MK_$SIM_MN=\${5-} SIM_MX_$SIM_MN=0"
}

sim_mt_load() {
  SIM_MN=0
  sim_pl_load
  # shellcheck disable=SC1091 # written by sim_mt_save
  [ -f "$SIM_STATE/mounts" ] && . "$SIM_STATE/mounts"
  :
}

# sim_pl_load: sets SIM_PL_proc, SIM_PL_sys and SIM_PL_dev to where the harness's pseudo
# filesystems are mounted now (their own places until the init moves or unmounts them),
# and SIM_PC_proc … to 1 once the init has mounted that one (before, it stays in place
# without a table entry).
sim_pl_load() {
  # shellcheck disable=SC2034 # read through eval, and by sim_appear
  SIM_PL_proc=/proc SIM_PL_sys=/sys SIM_PL_dev=/dev
  # shellcheck disable=SC2034 # read through eval
  SIM_PC_proc=0 SIM_PC_sys=0 SIM_PC_dev=0 SIM_PL_DIRTY=0
  # shellcheck disable=SC1091 # written by sim_pfs_sync
  [ -f "$SIM_STATE/places" ] && . "$SIM_STATE/places"
  :
}

# sim_pfs_entry KIND: sets sim_pe to the live table entry that is the pseudo filesystem
# KIND; fails when the init has not mounted it (or has unmounted it).
sim_pfs_entry() {
  local sim_ex sim_ek
  sim_pe=1
  while [ "$sim_pe" -le "$SIM_MN" ]; do
    eval "sim_ex=\$SIM_MX_$sim_pe sim_ek=\$SIM_MK_$sim_pe"
    [ "$sim_ex" = 0 ] && [ "$sim_ek" = "$1" ] && return 0
    sim_pe=$((sim_pe + 1))
  done
  return 1
}

# sim_pfs_claim TYPE TARGET: sets sim_pk to the pseudo filesystem a new mount of TYPE on
# TARGET stands for (empty for none): proc, sysfs, devtmpfs (or tmpfs) on the place where
# the harness's one is, or proc, sysfs, devtmpfs anywhere while it is unmounted. A second
# mount of the same type, while the first is still mounted, is only a table entry.
sim_pfs_claim() {
  local sim_pp
  case $1 in
    proc) sim_pk=proc ;;
    sysfs) sim_pk=sys ;;
    devtmpfs | tmpfs) sim_pk=dev ;;
    *) sim_pk= ; return 0 ;;
  esac
  if sim_pfs_entry "$sim_pk"; then
    sim_pk=
    return 0
  fi
  eval "sim_pp=\$SIM_PL_$sim_pk"
  if [ "$sim_pp" = "$2" ] || { [ "$sim_pp" = "$SIM_PFS_PARK/$sim_pk" ] && [ "$1" != tmpfs ]; }; then
    eval "SIM_PC_$sim_pk=1"
    SIM_PL_DIRTY=1
    return 0
  fi
  sim_pk=
}

# sim_pfs_sync: moves each harness pseudo filesystem to where its table entry is now, or
# out of sight (SIM_PFS_PARK/KIND) when it has none any more (one the init never mounted
# stays where it is), and records the places. A missing target directory (possible only
# below a mounted disk, whose contents are not modelled) is made first. A move that fails
# (a host oddity) is logged in $SIM_STATE/errors and the place kept.
sim_pfs_sync() {
  local sim_sk sim_sw sim_sp sim_sc sim_sout
  for sim_sk in proc sys dev; do
    eval "sim_sp=\$SIM_PL_$sim_sk sim_sc=\$SIM_PC_$sim_sk"
    if sim_pfs_entry "$sim_sk"; then
      eval "sim_sw=\$SIM_MT_$sim_pe"
    elif [ "$sim_sc" = 1 ]; then
      sim_sw=$SIM_PFS_PARK/$sim_sk
    else
      continue
    fi
    [ "$sim_sw" = "$sim_sp" ] && continue
    [ -d "$sim_sw" ] || sim_helper mkdir -p "$sim_sw" 2>>"$SIM_STATE/errors"
    if sim_helper mount -n --move "$sim_sp" "$sim_sw" 2>>"$SIM_STATE/errors"; then
      eval "SIM_PL_$sim_sk=\$sim_sw"
      SIM_PL_DIRTY=1
    fi
  done
  [ "$SIM_PL_DIRTY" = 1 ] || return 0
  sim_sout=
  for sim_sk in proc sys dev; do
    eval "sim_q \"\$SIM_PL_$sim_sk\""
    eval "sim_sout=\"\${sim_sout}SIM_PL_$sim_sk=\$sim_qv SIM_PC_$sim_sk=\$SIM_PC_$sim_sk\$SIM_NL\""
  done
  printf '%s' "$sim_sout" >"$SIM_STATE/places"
}

# sim_mesc VALUE: sets sim_me to VALUE escaped as /proc/mounts does (space, tab,
# newline and backslash as octal escapes).
sim_mesc() {
  local sim_ms sim_mc
  sim_me=$1
  case $sim_me in
    *[\ \	\\]* | *"$SIM_NL"*) ;;
    *) return 0 ;;
  esac
  sim_ms=$1
  sim_me=
  while [ -n "$sim_ms" ]; do
    sim_mc=${sim_ms%"${sim_ms#?}"}
    sim_ms=${sim_ms#?}
    case $sim_mc in
      ' ') sim_me="$sim_me\\040" ;;
      '	') sim_me="$sim_me\\011" ;;
      \\) sim_me="$sim_me\\134" ;;
      "$SIM_NL") sim_me="$sim_me\\012" ;;
      *) sim_me=$sim_me$sim_mc ;;
    esac
  done
}

# sim_mt_save: writes the table and /proc/mounts, then moves the pseudo filesystems to
# match it.
sim_mt_save() {
  local sim_mi sim_mout sim_mproc sim_mx sim_m1 sim_m2 sim_m3 sim_m4 sim_m5 sim_mline sim_mpl sim_mf
  sim_mi=1
  sim_mout=
  sim_mproc="rootfs / rootfs rw 0 0$SIM_NL"
  while [ "$sim_mi" -le "$SIM_MN" ]; do
    eval "sim_mx=\$SIM_MX_$sim_mi"
    if [ "$sim_mx" = 0 ]; then
      eval "sim_m1=\$SIM_MS_$sim_mi sim_m2=\$SIM_MT_$sim_mi sim_m3=\$SIM_MY_$sim_mi sim_m4=\$SIM_MO_$sim_mi sim_m5=\$SIM_MK_$sim_mi"
      sim_mline=sim_m
      sim_mpl=
      for sim_mf in "$sim_m1" "$sim_m2" "$sim_m3" "${sim_m4:-rw}"; do
        sim_mesc "$sim_mf"
        sim_mpl="$sim_mpl$sim_me "
      done
      for sim_mf in "$sim_m1" "$sim_m2" "$sim_m3" "$sim_m4"; do
        sim_q "$sim_mf"
        sim_mline="$sim_mline $sim_qv"
      done
      [ -n "$sim_m5" ] && sim_mline="$sim_mline $sim_m5"
      sim_mout=$sim_mout$sim_mline$SIM_NL
      sim_mproc="${sim_mproc}${sim_mpl}0 0$SIM_NL"
    fi
    sim_mi=$((sim_mi + 1))
  done
  printf '%s' "$sim_mout" >"$SIM_STATE/mounts"
  printf '%s' "$sim_mproc" >"$SIM_PFS/proc/mounts"
  sim_pfs_sync
}

# sim_mt_find TARGET: sets SIM_MI to the topmost live entry mounted on TARGET (or whose
# source is TARGET); fails when there is none.
sim_mt_find() {
  local sim_fx sim_ft sim_fs
  SIM_MI=$SIM_MN
  while [ "$SIM_MI" -gt 0 ]; do
    eval "sim_fx=\$SIM_MX_$SIM_MI sim_ft=\$SIM_MT_$SIM_MI sim_fs=\$SIM_MS_$SIM_MI"
    if [ "$sim_fx" = 0 ] && { [ "$sim_ft" = "$1" ] || [ "$sim_fs" = "$1" ]; }; then
      return 0
    fi
    SIM_MI=$((SIM_MI - 1))
  done
  return 1
}

# sim_under_device ABS: succeeds when ABS is on (or below) a mounted block device, whose
# contents the simulation does not model, so any path there is taken to exist.
sim_under_device() {
  local sim_ui sim_ux sim_ut sim_us
  sim_ui=1
  while [ "$sim_ui" -le "$SIM_MN" ]; do
    eval "sim_ux=\$SIM_MX_$sim_ui sim_ut=\$SIM_MT_$sim_ui sim_us=\$SIM_MS_$sim_ui"
    if [ "$sim_ux" = 0 ]; then
      case $sim_us in
        /dev/*)
          case $1 in
            "$sim_ut" | "$sim_ut"/*) return 0 ;;
          esac
          ;;
      esac
    fi
    sim_ui=$((sim_ui + 1))
  done
  return 1
}

# sim_mount_fail TARGET MESSAGE: prints `mount: TARGET: MESSAGE` and fails like mount(8).
sim_mount_fail() {
  printf 'mount: %s: %s\n' "$1" "$2" >&2
  return 32
}

# sim_mount_point TARGET: checks that TARGET can be mounted on (a directory, unless
# below a mounted device); sets SIM_ABS.
sim_mount_point() {
  sim_abs "$1"
  sim_under_device "$SIM_ABS" && return 0
  if [ ! -e "$1" ]; then
    sim_mount_fail "$SIM_ABS" 'mount point does not exist.'
    return
  fi
  if [ ! -d "$1" ] && [ "$sim_bind" = 0 ]; then
    sim_mount_fail "$SIM_ABS" 'mount point is not a directory.'
    return
  fi
  return 0
}

# sim_fs_ok DEVTYPE REQUESTED: succeeds when a filesystem of DEVTYPE can be mounted as
# REQUESTED (-t value, possibly a comma list; empty or auto means detect).
sim_fs_ok() {
  local sim_fl
  [ -n "$1" ] || return 0
  case $2 in
    '' | auto)
      case $1 in
        crypto_LUKS | LVM2_member | linux_raid_member | swap | isw_raid_member | ddf_raid_member) return 1 ;;
      esac
      return 0
      ;;
  esac
  sim_fl=$2,
  while [ -n "$sim_fl" ]; do
    [ "${sim_fl%%,*}" = "$1" ] && return 0
    sim_fl=${sim_fl#*,}
  done
  return 1
}

sim_mount_list() {
  local sim_mi sim_mx sim_m1 sim_m2 sim_m3 sim_m4
  sim_mi=1
  while [ "$sim_mi" -le "$SIM_MN" ]; do
    eval "sim_mx=\$SIM_MX_$sim_mi sim_m1=\$SIM_MS_$sim_mi sim_m2=\$SIM_MT_$sim_mi sim_m3=\$SIM_MY_$sim_mi sim_m4=\$SIM_MO_$sim_mi"
    [ "$sim_mx" = 0 ] && printf '%s on %s type %s (%s)\n' "$sim_m1" "$sim_m2" "$sim_m3" "${sim_m4:-rw}"
    sim_mi=$((sim_mi + 1))
  done
  return 0
}

# mount [-t TYPE] [-o OPTS] [-r|-w] [--bind|--rbind|--move] [-L LABEL|-U UUID] SOURCE TARGET
sim_cmd_mount() {
  sim_type='' sim_opts='' sim_bind=0 sim_move=0 sim_make=0 sim_all=0 sim_n=0 sim_p1='' sim_p2=''
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      -t | --types) sim_type=$2; shift ;;
      --types=*) sim_type=${1#*=} ;;
      -o | --options) sim_opts=${sim_opts:+$sim_opts,}$2; shift ;;
      --options=*) sim_opts=${sim_opts:+$sim_opts,}${1#*=} ;;
      -L | --label) sim_n=$((sim_n + 1)); sim_p1=LABEL=$2; shift ;;
      -U | --uuid) sim_n=$((sim_n + 1)); sim_p1=UUID=$2; shift ;;
      -B | --bind) sim_bind=1 ;;
      -R | --rbind) sim_bind=1 sim_opts=${sim_opts:+$sim_opts,}rbind ;;
      -M | --move) sim_move=1 ;;
      -r | --read-only) sim_opts=${sim_opts:+$sim_opts,}ro ;;
      -w | --rw | --read-write) sim_opts=${sim_opts:+$sim_opts,}rw ;;
      -a | --all) sim_all=1 ;;
      --make-*) sim_make=1 ;;
      -t*) sim_type=${1#-t} ;;
      -o*) sim_opts=${sim_opts:+$sim_opts,}${1#-o} ;;
      -?*) ;;
      *)
        sim_n=$((sim_n + 1))
        if [ "$sim_n" = 1 ]; then sim_p1=$1; else sim_p2=$1; fi
        ;;
    esac
    [ $# -gt 0 ] && shift
  done
  for sim_marg in "$@"; do
    sim_n=$((sim_n + 1))
    if [ "$sim_n" = 1 ]; then sim_p1=$sim_marg; else sim_p2=$sim_marg; fi
  done
  sim_mt_load
  if [ "$sim_make" = 1 ] || [ "$sim_all" = 1 ]; then
    return 0
  fi
  if [ "$sim_n" = 0 ]; then
    sim_mount_list
    return 0
  fi
  if [ "$sim_n" -gt 2 ]; then
    printf 'mount: bad usage\n' >&2
    return 1
  fi
  case ,$sim_opts, in
    *,remount,*)
      if [ "$sim_n" = 1 ]; then sim_mtgt=$sim_p1; else sim_mtgt=$sim_p2; fi
      sim_abs "$sim_mtgt"
      sim_mro=
      sim_fl=$sim_opts,
      while [ -n "$sim_fl" ]; do
        [ "${sim_fl%%,*}" = remount ] || sim_mro=${sim_mro:+$sim_mro,}${sim_fl%%,*}
        sim_fl=${sim_fl#*,}
      done
      if sim_mt_find "$SIM_ABS"; then
        eval "SIM_MO_$SIM_MI=\$sim_mro"
        sim_mt_save
      elif [ "$SIM_ABS" != / ]; then
        sim_mount_fail "$SIM_ABS" 'mount point not mounted or bad option.'
        return
      fi
      return 0
      ;;
  esac
  if [ "$sim_n" = 1 ]; then
    sim_abs "$sim_p1"
    printf "mount: %s: can't find in /etc/fstab.\n" "$SIM_ABS" >&2
    return 1
  fi
  if [ "$sim_move" = 1 ]; then
    sim_abs "$sim_p1"
    sim_mold=$SIM_ABS
    if ! sim_mt_find "$sim_mold"; then
      sim_mount_fail "$sim_mold" 'not mount point or bad option.'
      return
    fi
    sim_mount_point "$sim_p2" || return
    sim_mnew=$SIM_ABS
    # Like the kernel, a moved mount (and everything below it) goes to the end of the list.
    sim_mi=1
    sim_mlast=$SIM_MN
    while [ "$sim_mi" -le "$sim_mlast" ]; do
      eval "sim_mx=\$SIM_MX_$sim_mi sim_mt=\$SIM_MT_$sim_mi"
      if [ "$sim_mx" = 0 ]; then
        case $sim_mt in
          "$sim_mold" | "$sim_mold"/*)
            eval "SIM_MX_$sim_mi=1"
            eval "sim_m \"\$SIM_MS_$sim_mi\" \"\$sim_mnew\${sim_mt#\"\$sim_mold\"}\" \"\$SIM_MY_$sim_mi\" \"\$SIM_MO_$sim_mi\" \"\$SIM_MK_$sim_mi\""
            ;;
        esac
      fi
      sim_mi=$((sim_mi + 1))
    done
    sim_mt_save
    return 0
  fi
  if [ "$sim_bind" = 1 ]; then
    sim_abs "$sim_p1"
    sim_msrc=$SIM_ABS
    if [ ! -e "$sim_p1" ] && ! sim_under_device "$sim_msrc"; then
      sim_mount_fail "$sim_msrc" 'special device does not exist.'
      return
    fi
    sim_mount_point "$sim_p2" || return
    sim_m "$sim_msrc" "$SIM_ABS" none "bind${sim_opts:+,$sim_opts}"
    sim_mt_save
    return 0
  fi
  sim_msrc=$sim_p1
  sim_mfs=$sim_type
  sim_abs "$sim_p2"
  sim_mtabs=$SIM_ABS
  case $sim_msrc in
    LABEL=* | UUID=* | PARTUUID=* | PARTLABEL=*)
      if ! sim_resolve "$sim_msrc"; then
        sim_mount_fail "$sim_mtabs" "can't find $sim_msrc."
        return
      fi
      sim_msrc=$SIM_PATH
      ;;
  esac
  case $sim_msrc in
    /dev/*)
      # Present, and visible there: not after the init moved or unmounted /dev.
      if ! sim_lookup "$sim_msrc" || [ ! -e "$sim_msrc" ]; then
        sim_mount_fail "$sim_mtabs" "special device $sim_msrc does not exist."
        return
      fi
      sim_dev "$SIM_IDX"
      if ! sim_fs_ok "$D_TYPE" "$sim_type"; then
        sim_mount_fail "$sim_mtabs" "wrong fs type, bad option, bad superblock on $sim_msrc, missing codepage or helper program, or other error."
        return
      fi
      case $sim_mfs in '' | auto) sim_mfs=${D_TYPE:-auto} ;; esac
      ;;
    /*)
      sim_abs "$sim_msrc"
      if [ ! -e "$sim_msrc" ] && ! sim_under_device "$SIM_ABS"; then
        sim_mount_fail "$sim_mtabs" "special device $sim_msrc does not exist."
        return
      fi
      sim_msrc=$SIM_ABS
      ;;
  esac
  sim_mount_point "$sim_p2" || return
  sim_pfs_claim "$sim_mfs" "$SIM_ABS"
  sim_m "$sim_msrc" "$SIM_ABS" "${sim_mfs:-auto}" "$sim_opts" "$sim_pk"
  sim_mt_save
  return 0
}

# umount [-l] [-R] [-f] TARGET|SOURCE...
sim_cmd_umount() {
  sim_lazy=0 sim_status=0 sim_un=0
  sim_mt_load
  for sim_uarg in "$@"; do
    case $sim_uarg in
      -l | --lazy | -R | --recursive) sim_lazy=1 ;;
      -a | --all) return 0 ;;
      -?*) ;;
      *)
        sim_un=$((sim_un + 1))
        sim_abs "$sim_uarg"
        if ! sim_mt_find "$SIM_ABS" && ! sim_mt_find "$sim_uarg"; then
          printf 'umount: %s: not mounted.\n' "$sim_uarg" >&2
          sim_status=32
          continue
        fi
        eval "sim_ut=\$SIM_MT_$SIM_MI"
        sim_ubusy=0
        sim_mi=1
        while [ "$sim_mi" -le "$SIM_MN" ]; do
          eval "sim_mx=\$SIM_MX_$sim_mi sim_mt=\$SIM_MT_$sim_mi"
          if [ "$sim_mx" = 0 ]; then
            case $sim_mt in
              "$sim_ut"/*)
                if [ "$sim_lazy" = 1 ]; then eval "SIM_MX_$sim_mi=1"; else sim_ubusy=1; fi
                ;;
            esac
          fi
          sim_mi=$((sim_mi + 1))
        done
        if [ "$sim_ubusy" = 1 ]; then
          printf 'umount: %s: target is busy.\n' "$sim_ut" >&2
          sim_status=32
          continue
        fi
        eval "SIM_MX_$SIM_MI=1"
        ;;
    esac
  done
  if [ "$sim_un" = 0 ]; then
    printf 'umount: bad usage\n' >&2
    return 1
  fi
  sim_mt_save
  return "$sim_status"
}
