# Block devices: which are present, looking them up by path or tag, and making one appear.
#
# $SIM_STATE/present has one line per device path, in order of appearance:
#   IDX ROLE PATH PART PRIMARY MAJ:MIN
# IDX is the device's index in the generated sim_dev table ("-" for a device with no
# attributes), ROLE is p for the main path and a for an alias (/dev/VG/LV, /dev/dm-N),
# PART is its name in /proc/partitions, PRIMARY its main path and MAJ:MIN its numbers.
# Paths never hold spaces (scenario names are validated, names chosen by the init are
# checked by the shims).

# sim_lookup PATH: succeeds when PATH is a present device (main path or alias), setting
# SIM_IDX, SIM_PART, SIM_PRIMARY and SIM_DEVNO (MAJ:MIN).
sim_lookup() {
  [ -f "$SIM_STATE/present" ] || return 1
  while read -r sim_lk1 sim_lk2 sim_lk3 sim_lk4 sim_lk5 sim_lk6; do
    if [ "$sim_lk3" = "$1" ]; then
      # shellcheck disable=SC2034 # for the shims that need them
      SIM_IDX=$sim_lk1 SIM_ROLE=$sim_lk2 SIM_PART=$sim_lk4 SIM_PRIMARY=$sim_lk5 SIM_DEVNO=$sim_lk6
      return 0
    fi
  done <"$SIM_STATE/present"
  return 1
}

# sim_idx_present IDX: succeeds when the device with that index is present.
sim_idx_present() {
  [ -f "$SIM_STATE/present" ] || return 1
  while read -r sim_ii sim_ir _; do
    [ "$sim_ii" = "$1" ] && [ "$sim_ir" = p ] && return 0
  done <"$SIM_STATE/present"
  return 1
}

# sim_resolve SPEC: resolves LABEL=, UUID=, PARTUUID=, PARTLABEL= or a device path to a
# present device, the way util-linux's libblkid does (any device with the attribute); sets
# SIM_PATH (the first match, in order of appearance).
sim_resolve() {
  case $1 in
    LABEL=*) sim_rf=LABEL ;;
    UUID=*) sim_rf=UUID ;;
    PARTUUID=*) sim_rf=PARTUUID ;;
    PARTLABEL=*) sim_rf=PARTLABEL ;;
    *)
      sim_lookup "$1" || return 1
      SIM_PATH=$1
      return 0
      ;;
  esac
  sim_rv=${1#*=}
  [ -f "$SIM_STATE/present" ] || return 1
  while read -r sim_ri sim_rr sim_rp _; do
    [ "$sim_rr" = p ] || continue
    sim_dev "$sim_ri"
    eval "sim_rd=\$D_$sim_rf"
    if [ -n "$sim_rd" ] && [ "$sim_rd" = "$sim_rv" ]; then
      SIM_PATH=$sim_rp
      return 0
    fi
  done <"$SIM_STATE/present"
  return 1
}

# sim_bb_resolve LABEL|UUID VALUE: resolves a tag the way busybox's volume_id does
# (util-linux/volume_id/get_devname.c): it scans the block devices it can see under /dev and
# knows only the filesystems volume_id probes (D_VID); a UUID matches in any case. Sets
# SIM_PATH (the first match, in order of appearance); fails when nothing matches.
sim_bb_resolve() {
  [ -n "$2" ] || return 1
  [ -f "$SIM_STATE/present" ] || return 1
  while read -r sim_bi sim_br sim_bp _; do
    [ "$sim_br" = p ] || continue
    [ -e "$sim_bp" ] || continue
    sim_dev "$sim_bi"
    [ "$D_VID" = 1 ] || continue
    if [ "$1" = LABEL ]; then
      [ "$D_LABEL" = "$2" ] || continue
    else
      sim_lower "$D_UUID"
      sim_bu=$SIM_LOWER
      sim_lower "$2"
      [ "$sim_bu" = "$SIM_LOWER" ] || continue
    fi
    SIM_PATH=$sim_bp
    return 0
  done <"$SIM_STATE/present"
  return 1
}

# sim_sys_virtual PART MAJ MIN BLOCKS: the sysfs entries of a virtual block device (dm-N,
# loopN, mdN), as the kernel lays them out under /sys/devices/virtual/block.
sim_sys_virtual() {
  sim_vd=devices/virtual/block/$1
  sim_helper mkdir -p "$SIM_PFS/sys/$sim_vd/queue" "$SIM_PFS/sys/class/block" "$SIM_PFS/sys/block" "$SIM_PFS/sys/dev/block"
  sim_counter diskseq
  printf '%s:%s\n' "$2" "$3" >"$SIM_PFS/sys/$sim_vd/dev"
  printf 'MAJOR=%s\nMINOR=%s\nDEVNAME=%s\nDEVTYPE=disk\nDISKSEQ=%s\n' "$2" "$3" "$1" "$((SIM_DISKSEQ0 + SIM_COUNT))" >"$SIM_PFS/sys/$sim_vd/uevent"
  printf '%s\n' "$(($4 * 2))" >"$SIM_PFS/sys/$sim_vd/size"
  printf '0\n' >"$SIM_PFS/sys/$sim_vd/ro"
  printf '0\n' >"$SIM_PFS/sys/$sim_vd/removable"
  printf '512\n' >"$SIM_PFS/sys/$sim_vd/queue/logical_block_size"
  "$SIM_BB" ln -sfn "../../$sim_vd" "$SIM_PFS/sys/class/block/$1"
  "$SIM_BB" ln -sfn "../$sim_vd" "$SIM_PFS/sys/block/$1"
  "$SIM_BB" ln -sfn "../../$sim_vd" "$SIM_PFS/sys/dev/block/$2:$3"
}

# sim_appear IDX PATH PART MAJOR MINOR BLOCKS [ALIAS...]: makes a device appear: an empty
# file at PATH (and each alias) with the kit's block node bind-mounted on it, a line in
# /proc/partitions, its sysfs entries, and its lines in the present list. Device paths
# are all /dev/…: the files are made in the harness's /dev (SIM_PFS/dev), and the node is
# bound on them where that /dev is mounted now (SIM_PL_dev: /dev, or where the init moved
# it); /proc and /sys are written in theirs, so the new lines show wherever those are. A
# disk or partition of the scenario brings the sysfs entries made for it (staged in
# /.sim/stage/IDX); any other device is a virtual one.
sim_appear() {
  sim_pi=$1 sim_pp=$2 sim_ppart=$3 sim_pmaj=$4 sim_pmin=$5 sim_pblk=$6
  shift 6
  sim_lookup "$sim_pp" && return 0
  sim_pl_load
  sim_pdirs=
  for sim_px in "$sim_pp" "$@"; do
    [ -d "$SIM_PFS${sim_px%/*}" ] || sim_pdirs="$sim_pdirs $SIM_PFS${sim_px%/*}"
  done
  # shellcheck disable=SC2086 # a list of validated paths without spaces
  [ -z "$sim_pdirs" ] || sim_helper mkdir -p $sim_pdirs
  sim_plines=
  sim_prole=p
  for sim_px in "$sim_pp" "$@"; do
    : >"$SIM_PFS$sim_px"
    if [ "$SIM_BLK" = 1 ]; then
      sim_helper mount -n --bind /.sim/blk "$SIM_PL_dev${sim_px#/dev}"
    fi
    sim_plines="$sim_plines$sim_pi $sim_prole $sim_px $sim_ppart $sim_pp $sim_pmaj:$sim_pmin$SIM_NL"
    sim_prole=a
  done
  printf '%s' "$sim_plines" >>"$SIM_STATE/present"
  # The kernel leaves a device of size 0 out of /proc/partitions.
  [ "$sim_pblk" = 0 ] || printf '%4d  %7d %10d %s\n' "$sim_pmaj" "$sim_pmin" "$sim_pblk" "$sim_ppart" >>"$SIM_PFS/proc/partitions"
  D_STAGED=0
  [ "$sim_pi" = - ] || sim_dev "$sim_pi"
  if [ "$D_STAGED" = 1 ]; then
    "$SIM_BB" cp -a "/.sim/stage/$sim_pi/." "$SIM_PFS/sys/"
  else
    sim_sys_virtual "$sim_ppart" "$sim_pmaj" "$sim_pmin" "$sim_pblk"
  fi
}

# sim_appear_dev IDX [PATH]: makes the scenario device IDX appear, at PATH when its path is
# chosen at run time (a LUKS mapping), else at its own path. Device-mapper devices get
# the next dm-N name and a /dev/dm-N alias.
sim_appear_dev() {
  sim_dev "$1"
  sim_adp=${2:-$D_PATH}
  sim_lookup "$sim_adp" && return 0
  if [ "$D_PART" = dm ]; then
    sim_counter dm
    sim_adn=$((SIM_COUNT - 1))
    # shellcheck disable=SC2086 # D_ALIASES is a list of validated paths
    sim_appear "$1" "$sim_adp" "dm-$sim_adn" 253 "$sim_adn" "$D_BLOCKS" $D_ALIASES "/dev/dm-$sim_adn"
  else
    # shellcheck disable=SC2086
    sim_appear "$1" "$sim_adp" "$D_PART" "$D_MAJ" "$D_MIN" "$D_BLOCKS" $D_ALIASES
  fi
}

# sim_schedule: makes every scheduled device whose time has come appear.
sim_schedule() {
  sim_now
  for sim_se in $SIM_SCHEDULE; do
    if [ "${sim_se#*:}" -le "$SIM_NOW" ]; then
      sim_appear_dev "${sim_se%%:*}"
    fi
  done
}

# sim_valid_name NAME: succeeds when NAME can be a device name chosen at run time.
sim_valid_name() {
  case $1 in
    '' | . | .. | *[!A-Za-z0-9._+:@-]*) return 1 ;;
  esac
  return 0
}
