# Assembled devices: LVM volume groups (lvm, vgchange, vgscan, lvchange), md arrays
# (mdadm), dmraid sets, and loop devices (losetup).

# sim_members_present PATH...: succeeds when every PATH is a present device.
sim_members_present() {
  local sim_mp
  for sim_mp in "$@"; do
    sim_lookup "$sim_mp" || return 1
  done
  return 0
}

# sim_vg_find NAME: sets VG_* for the scenario volume group NAME (sim_vg); fails when the
# scenario has none of that name.
sim_vg_find() {
  local sim_vn
  for sim_vn in $SIM_VGS; do
    sim_vg "$sim_vn"
    [ "$VG_NAME" = "$1" ] && return 0
  done
  return 1
}

# sim_vg_usable: succeeds when all physical volumes of the current VG are present.
sim_vg_usable() {
  # shellcheck disable=SC2086 # VG_PVS is a list of validated paths
  sim_members_present $VG_PVS
}

# sim_vg_activate: makes every LV of the current VG appear and says so like vgchange.
sim_vg_activate() {
  local sim_vc sim_vl
  sim_vc=0
  for sim_vl in $VG_LVS; do
    sim_appear_dev "${sim_vl%%:*}"
    sim_vc=$((sim_vc + 1))
  done
  printf '  %s logical volume(s) in volume group "%s" now active\n' "$sim_vc" "$VG_NAME"
}

sim_vg_not_found() {
  printf '  Volume group "%s" not found\n  Cannot process volume group %s\n' "$1" "$1" >&2
}

# lvm SUBCOMMAND ... (also called as vgchange, lvchange, vgscan, pvscan, vgs, lvs …)
sim_cmd_lvm() {
  sim_lsub=$1
  [ $# -gt 0 ] && shift
  sim_lact='' sim_ln=0 sim_lstatus=0
  while [ $# -gt 0 ]; do
    case $1 in
      -a | --activate) sim_lact=$2; shift ;;
      --activate=*) sim_lact=${1#*=} ;;
      -a*) sim_lact=${1#-a} ;;
      --config | --select | -S | --sysinit | --devices | --devicesfile)
        case $1 in --sysinit) ;; *) shift ;; esac
        ;;
      -?*) ;;
      *)
        sim_ln=$((sim_ln + 1))
        eval "sim_l$sim_ln=\$1"
        ;;
    esac
    [ $# -gt 0 ] && shift
  done
  case $sim_lsub in
    vgchange)
      case $sim_lact in y | ay | ey | ly | sy) ;; *) return 0 ;; esac
      if [ "$sim_ln" = 0 ]; then
        for sim_vn in $SIM_VGS; do
          sim_vg "$sim_vn"
          sim_vg_usable && sim_vg_activate
        done
        return 0
      fi
      sim_li=1
      while [ "$sim_li" -le "$sim_ln" ]; do
        eval "sim_lname=\$sim_l$sim_li"
        if sim_vg_find "$sim_lname" && sim_vg_usable; then
          sim_vg_activate
        else
          sim_vg_not_found "$sim_lname"
          sim_lstatus=5
        fi
        sim_li=$((sim_li + 1))
      done
      return "$sim_lstatus"
      ;;
    lvchange)
      case $sim_lact in y | ay | ey | ly | sy) ;; *) return 0 ;; esac
      sim_li=1
      while [ "$sim_li" -le "$sim_ln" ]; do
        eval "sim_lname=\$sim_l$sim_li"
        sim_lvg=${sim_lname%%/*}
        sim_llv=${sim_lname#*/}
        if sim_vg_find "$sim_lvg" && sim_vg_usable; then
          sim_lfound=0
          for sim_vl in $VG_LVS; do
            if [ "${sim_vl#*:}" = "$sim_llv" ]; then
              sim_appear_dev "${sim_vl%%:*}"
              sim_lfound=1
            fi
          done
          if [ "$sim_lfound" = 0 ]; then
            printf '  Failed to find logical volume "%s"\n' "$sim_lname" >&2
            sim_lstatus=5
          fi
        else
          sim_vg_not_found "$sim_lvg"
          sim_lstatus=5
        fi
        sim_li=$((sim_li + 1))
      done
      return "$sim_lstatus"
      ;;
    vgscan)
      for sim_vn in $SIM_VGS; do
        sim_vg "$sim_vn"
        sim_vg_usable && printf '  Found volume group "%s" using metadata type lvm2\n' "$VG_NAME"
      done
      return 0
      ;;
  esac
  return 0
}

# mdadm --assemble --scan | mdadm --assemble /dev/mdN [MEMBER...]
sim_cmd_mdadm() {
  sim_dassemble=0 sim_dscan=0 sim_dn=0 sim_darray=''
  for sim_darg in "$@"; do
    case $sim_darg in
      --assemble) sim_dassemble=1 ;;
      --scan) sim_dscan=1 ;;
      --*) ;;
      -*)
        case $sim_darg in *A*) sim_dassemble=1 ;; esac
        case $sim_darg in *s*) sim_dscan=1 ;; esac
        ;;
      *)
        sim_dn=$((sim_dn + 1))
        [ "$sim_dn" = 1 ] && sim_darray=$sim_darg
        ;;
    esac
  done
  [ "$sim_dassemble" = 1 ] || return 0
  sim_dstarted=0 sim_dactive=0
  for sim_dm in $SIM_MDS; do
    sim_md "$sim_dm"
    if [ -n "$sim_darray" ] && [ "$sim_dscan" = 0 ]; then
      [ "$MD_PATH" = "$sim_darray" ] || continue
    fi
    if sim_lookup "$MD_PATH"; then
      sim_dactive=$((sim_dactive + 1))
      continue
    fi
    sim_dcount=0
    for sim_dmem in $MD_MEMBERS; do
      sim_lookup "$sim_dmem" && sim_dcount=$((sim_dcount + 1))
    done
    # shellcheck disable=SC2086
    if sim_members_present $MD_MEMBERS; then
      sim_appear_dev "$MD_DEV"
      printf 'mdadm: %s has been started with %s drives.\n' "$MD_PATH" "$sim_dcount" >&2
      sim_dstarted=$((sim_dstarted + 1))
    elif [ -n "$sim_darray" ] && [ "$sim_dscan" = 0 ]; then
      printf 'mdadm: %s assembled from %s drives - not enough to start the array.\n' "$MD_PATH" "$sim_dcount" >&2
      return 1
    fi
  done
  if [ -n "$sim_darray" ] && [ "$sim_dscan" = 0 ] && [ "$sim_dstarted" = 0 ] && [ "$sim_dactive" = 0 ]; then
    printf 'mdadm: %s not identified in config file.\n' "$sim_darray" >&2
    return 1
  fi
  if [ "$sim_dstarted" = 0 ] && [ "$sim_dactive" = 0 ]; then
    printf 'mdadm: No arrays found in config file or automatically\n' >&2
    return 1
  fi
  return 0
}

# dmraid -ay
sim_cmd_dmraid() {
  sim_ract=0 sim_rprev=''
  for sim_rarg in "$@"; do
    case $sim_rarg in
      -ay | --activate=y | --activate=yes) sim_ract=1 ;;
      y | yes)
        case $sim_rprev in -a | --activate) sim_ract=1 ;; esac
        ;;
    esac
    sim_rprev=$sim_rarg
  done
  [ "$sim_ract" = 1 ] || return 0
  sim_rfound=0
  for sim_rs in $SIM_DMRAIDS; do
    sim_dmraid "$sim_rs"
    # shellcheck disable=SC2086
    if sim_members_present $DR_MEMBERS; then
      sim_rfound=1
      sim_appear_dev "$DR_DEV"
    fi
  done
  if [ "$sim_rfound" = 0 ]; then
    printf 'no raid disks\n' >&2
    return 1
  fi
  return 0
}

# losetup [-f] [--show] [-r] [-o OFFSET] [-P] [/dev/loopN] FILE | losetup -d /dev/loopN
sim_cmd_losetup() {
  sim_ofind=0 sim_oshow=0 sim_oskip=0 sim_on=0 sim_o1='' sim_o2=''
  while [ $# -gt 0 ]; do
    case $1 in
      --find) sim_ofind=1 ;;
      --show) sim_oshow=1 ;;
      --detach | --detach-all | --all | --list | --associated | --set-capacity) sim_oskip=1 ;;
      --offset | --sizelimit | --sector-size | --direct-io | --output) shift ;;
      --*) ;;
      -?*)
        case $1 in *[dDaljc]*) sim_oskip=1 ;; esac
        case $1 in *f*) sim_ofind=1 ;; esac
        case $1 in *[ob]) shift ;; esac
        ;;
      *)
        sim_on=$((sim_on + 1))
        if [ "$sim_on" = 1 ]; then sim_o1=$1; else sim_o2=$1; fi
        ;;
    esac
    [ $# -gt 0 ] && shift
  done
  [ "$sim_oskip" = 1 ] && return 0
  if [ "$sim_ofind" = 1 ]; then
    sim_ofile=$sim_o1
    sim_onum=0
    while sim_lookup "/dev/loop$sim_onum"; do
      sim_onum=$((sim_onum + 1))
    done
    if [ -z "$sim_ofile" ]; then
      printf '/dev/loop%s\n' "$sim_onum"
      return 0
    fi
  else
    sim_ofile=$sim_o2
    case $sim_o1 in
      /dev/loop[0-9]*) sim_onum=${sim_o1#/dev/loop} ;;
      *) sim_onum=x ;;
    esac
    case $sim_onum in
      '' | *[!0-9]*)
        printf 'losetup: %s: failed to set up loop device: No such device\n' "$sim_o1" >&2
        return 1
        ;;
    esac
    if [ -z "$sim_ofile" ]; then
      printf 'losetup: %s: No such device or address\n' "$sim_o1" >&2
      return 1
    fi
    if sim_lookup "/dev/loop$sim_onum"; then
      printf 'losetup: %s: failed to set up loop device: Device or resource busy\n' "$sim_ofile" >&2
      return 1
    fi
  fi
  if [ ! -e "$sim_ofile" ]; then
    printf 'losetup: %s: failed to set up loop device: No such file or directory\n' "$sim_ofile" >&2
    return 1
  fi
  sim_abs "$sim_ofile"
  IMG_IDX=-
  sim_image "$SIM_ABS"
  sim_dev "$IMG_IDX"
  sim_appear "$IMG_IDX" "/dev/loop$sim_onum" "loop$sim_onum" 7 "$sim_onum" "$D_BLOCKS"
  [ "$sim_oshow" = 1 ] && printf '/dev/loop%s\n' "$sim_onum"
  return 0
}
