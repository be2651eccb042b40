# The file utilities (cat, cp, sed, od …): busybox-static's own applets, run on the fake
# root. Part of the core of the library, which every shim loads (the models only when needed).

# A file utility (cat, cp, sed, od …): busybox-static's own applet, run on the fake root.
# Operands of a disk reader (od, hexdump, dd if=…) that name a present disk read the disk's
# image instead (its synthesized partition table, sim_disk_image).
sim_cmd_file_applet() {
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
