# Block devices: which are present, looking them up by path or tag, and making one appear.
#
# $SIM_STATE/present has one line per device path, in order of appearance:
#   IDX ROLE PATH PART PRIMARY
# IDX is the device's index in the generated sim_dev table ("-" for a device with no
# attributes), ROLE is p for the main path and a for an alias (/dev/VG/LV, /dev/dm-N),
# PART is its name in /proc/partitions and PRIMARY its main path. Paths never hold spaces
# (scenario names are validated, names chosen by the init are checked by the shims).

# sim_lookup PATH: succeeds when PATH is a present device (main path or alias), setting
# SIM_IDX, SIM_PART and SIM_PRIMARY.
sim_lookup() {
  local sim_li sim_lr sim_lp sim_lpart sim_lprim
  [ -f "$SIM_STATE/present" ] || return 1
  while read -r sim_li sim_lr sim_lp sim_lpart sim_lprim; do
    if [ "$sim_lp" = "$1" ]; then
      SIM_IDX=$sim_li SIM_PART=$sim_lpart SIM_PRIMARY=$sim_lprim
      return 0
    fi
  done <"$SIM_STATE/present"
  return 1
}

# sim_idx_present IDX: succeeds when the device with that index is present.
sim_idx_present() {
  local sim_li sim_lr sim_lp sim_lpart sim_lprim
  [ -f "$SIM_STATE/present" ] || return 1
  while read -r sim_li sim_lr sim_lp sim_lpart sim_lprim; do
    [ "$sim_li" = "$1" ] && return 0
  done <"$SIM_STATE/present"
  return 1
}

# sim_resolve SPEC: resolves LABEL=, UUID=, PARTUUID=, PARTLABEL= or a device path to a
# present device; sets SIM_PATH (the first match, in order of appearance).
sim_resolve() {
  local sim_rf sim_rv sim_ri sim_rr sim_rp sim_rpart sim_rprim sim_rd
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
  while read -r sim_ri sim_rr sim_rp sim_rpart sim_rprim; do
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

# sim_appear IDX PATH PART MAJOR MINOR BLOCKS [ALIAS...]: makes a device appear: an empty
# file at PATH (and each alias) with the kit's block node bind-mounted on it, a line in
# /proc/partitions, /sys/class/block/PART, and its lines in the present list. Device paths
# are all /dev/…: the files are made in the harness's /dev (SIM_PFS/dev), and the node is
# bound on them where that /dev is mounted now (SIM_PL_dev: /dev, or where the init moved
# it); /proc and /sys are written in theirs, so the new lines show wherever those are.
sim_appear() {
  local sim_pi sim_pp sim_ppart sim_pmaj sim_pmin sim_pblk sim_pdirs sim_px sim_plines sim_prole
  sim_pi=$1 sim_pp=$2 sim_ppart=$3 sim_pmaj=$4 sim_pmin=$5 sim_pblk=$6
  shift 6
  sim_lookup "$sim_pp" && return 0
  sim_pl_load
  sim_pdirs=$SIM_PFS/sys/class/block/$sim_ppart
  for sim_px in "$sim_pp" "$@"; do
    [ -d "$SIM_PFS${sim_px%/*}" ] || sim_pdirs="$sim_pdirs $SIM_PFS${sim_px%/*}"
  done
  # shellcheck disable=SC2086 # a list of validated paths without spaces
  sim_helper mkdir -p $sim_pdirs
  sim_plines=
  sim_prole=p
  for sim_px in "$sim_pp" "$@"; do
    : >"$SIM_PFS$sim_px"
    if [ "$SIM_BLK" = 1 ]; then
      # shellcheck disable=SC2154 # set by sim_pl_load
      sim_helper mount -n --bind /.sim/blk "$SIM_PL_dev${sim_px#/dev}"
    fi
    sim_plines="$sim_plines$sim_pi $sim_prole $sim_px $sim_ppart $sim_pp$SIM_NL"
    sim_prole=a
  done
  printf '%s' "$sim_plines" >>"$SIM_STATE/present"
  printf '%4d  %7d %10d %s\n' "$sim_pmaj" "$sim_pmin" "$sim_pblk" "$sim_ppart" >>"$SIM_PFS/proc/partitions"
  printf '%s:%s\n' "$sim_pmaj" "$sim_pmin" >"$SIM_PFS/sys/class/block/$sim_ppart/dev"
  printf 'MAJOR=%s\nMINOR=%s\nDEVNAME=%s\nDEVTYPE=disk\n' "$sim_pmaj" "$sim_pmin" "$sim_ppart" >"$SIM_PFS/sys/class/block/$sim_ppart/uevent"
}

# sim_appear_dev IDX [PATH]: makes the scenario device IDX appear, at PATH when its path is
# chosen at run time (a LUKS mapping), else at its own path. Device-mapper devices get
# the next dm-N name and a /dev/dm-N alias.
sim_appear_dev() {
  local sim_adp sim_adn
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
  local sim_se
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
