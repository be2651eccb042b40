# Assembled devices: LVM volume groups (lvm, vgchange, vgscan, lvchange), dmraid sets, and
# loop devices (losetup). md arrays (mdadm) are in mdraid.sh.

# sim_members_present PATH...: succeeds when every PATH is a present device.
sim_members_present() {
  for sim_mp in "$@"; do
    sim_lookup "$sim_mp" || return 1
  done
  return 0
}

# sim_vg_find NAME: sets VG_* for the scenario volume group NAME (sim_vg); fails when the
# scenario has none of that name.
sim_vg_find() {
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

# Loop devices. $SIM_STATE/loops has one line `sim_lo N 'FILE' 'NAME'` per attached
# /dev/loopN: FILE its canonical path, NAME as given (what losetup shows). A device appears
# at its first attach (as if the loop driver's devtmpfs node were there) and stays; detached,
# it holds nothing (no attributes).

sim_lo() {
  SIM_LOOPS="$SIM_LOOPS $1"
  eval "SIM_LF_$1=\$2 SIM_LG_$1=\$3"
}

# sim_loop_load: reads the attached loop devices into SIM_LOOPS (" 0 2"), SIM_LF_N, SIM_LG_N.
sim_loop_load() {
  SIM_LOOPS=
  # shellcheck disable=SC1091 # written by sim_loop_save
  [ -f "$SIM_STATE/loops" ] && . "$SIM_STATE/loops"
  :
}

sim_loop_save() {
  sim_lsout=
  for sim_lsn in $SIM_LOOPS; do
    eval "sim_q \"\$SIM_LF_$sim_lsn\""
    sim_lsf=$sim_qv
    eval "sim_q \"\$SIM_LG_$sim_lsn\""
    sim_lsout="${sim_lsout}sim_lo $sim_lsn $sim_lsf $sim_qv$SIM_NL"
  done
  printf '%s' "$sim_lsout" >"$SIM_STATE/loops"
}

# sim_loop_attached N: succeeds when /dev/loopN is attached.
sim_loop_attached() {
  case " $SIM_LOOPS " in *" $1 "*) return 0 ;; esac
  return 1
}

# sim_present_set PATH IDX: records that the present device at PATH now holds device IDX.
sim_present_set() {
  sim_psout=
  while read -r sim_ps1 sim_ps2 sim_ps3 sim_ps4 sim_ps5 sim_ps6; do
    [ "$sim_ps3" = "$1" ] && sim_ps1=$2
    sim_psout="$sim_psout$sim_ps1 $sim_ps2 $sim_ps3 $sim_ps4 $sim_ps5 $sim_ps6$SIM_NL"
  done <"$SIM_STATE/present"
  printf '%s' "$sim_psout" >"$SIM_STATE/present"
}

# sim_loop_attach FILE NAME [N]: attaches the canonical FILE (named NAME by the caller) to
# /dev/loopN, or to the lowest free one; the device gets the attributes of images[FILE]
# (none when the scenario has no image there). Sets SIM_LOOP to the device.
sim_loop_attach() {
  sim_loop_load
  sim_lan=${3-}
  if [ -z "$sim_lan" ]; then
    sim_lan=0
    while sim_loop_attached "$sim_lan"; do sim_lan=$((sim_lan + 1)); done
  fi
  IMG_IDX=-
  sim_image "$1"
  SIM_LOOP=/dev/loop$sim_lan
  if sim_lookup "$SIM_LOOP"; then
    sim_present_set "$SIM_LOOP" "$IMG_IDX"
  else
    if [ "$IMG_IDX" = - ]; then
      # No image of the scenario: the file's own size.
      D_BLOCKS=$(($("$SIM_BB" stat -L -c %s "$1") / 1024))
    else
      sim_dev "$IMG_IDX"
    fi
    sim_appear "$IMG_IDX" "$SIM_LOOP" "loop$sim_lan" 7 "$sim_lan" "$D_BLOCKS"
  fi
  SIM_LOOPS="$SIM_LOOPS $sim_lan"
  eval "SIM_LF_$sim_lan=\$1 SIM_LG_$sim_lan=\$2"
  sim_loop_save
}

# sim_loop_detach /dev/loopN: detaches it; the node stays, holding nothing.
sim_loop_detach() {
  sim_loop_load
  sim_ldn=${1#/dev/loop}
  sim_ldl=
  for sim_ldx in $SIM_LOOPS; do
    [ "$sim_ldx" = "$sim_ldn" ] || sim_ldl="$sim_ldl $sim_ldx"
  done
  SIM_LOOPS=$sim_ldl
  sim_loop_save
  sim_present_set "$1" -
}

# losetup: busybox 1.35's applet. [-rP] [-o OFS] {-f|LOOPDEV} FILE | -c LOOPDEV |
# -d LOOPDEV | -a | -f | LOOPDEV. It has no --show: the device is found with -f first.
sim_cmd_losetup() {
  if [ "$SIM_UTIL_LINUX" = 1 ]; then
    sim_cmd_losetup_ul "$@"
    return
  fi
  sim_oc=0 sim_od=0 sim_oP=0 sim_oo='' sim_of=0 sim_oa=0 sim_or=0 sim_on=0 sim_o1='' sim_o2=''
  sim_oorig=
  for sim_oarg in "$@"; do
    sim_q "$sim_oarg"
    sim_oorig="$sim_oorig $sim_qv"
  done
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      -?*)
        sim_ocl=${1#-}
        shift
        while [ -n "$sim_ocl" ]; do
          sim_och=${sim_ocl%"${sim_ocl#?}"}
          sim_ocl=${sim_ocl#?}
          case $sim_och in
            c) sim_oc=1 ;;
            d) sim_od=1 ;;
            P) sim_oP=1 ;;
            f) sim_of=1 ;;
            a) sim_oa=1 ;;
            r) sim_or=1 ;;
            o)
              if [ -z "$sim_ocl" ]; then
                [ $# -gt 0 ] || { eval "set -- $sim_oorig"; sim_real "$@"; }
                sim_ocl=$1
                shift
              fi
              sim_oo=$sim_ocl
              sim_ocl=
              ;;
            *) eval "set -- $sim_oorig"; sim_real "$@" ;;
          esac
        done
        ;;
      *)
        sim_on=$((sim_on + 1))
        if [ "$sim_on" = 1 ]; then sim_o1=$1; else sim_o2=$1; fi
        shift
        ;;
    esac
  done
  for sim_oarg in "$@"; do
    sim_on=$((sim_on + 1))
    if [ "$sim_on" = 1 ]; then sim_o1=$sim_oarg; else sim_o2=$sim_oarg; fi
  done
  sim_oany=$((sim_oc + sim_od + sim_oP + sim_of + sim_oa + sim_or))
  [ -n "$sim_oo" ] && sim_oany=$((sim_oany + 1))
  # Too many operands, -d or -a with another option: busybox's usage.
  if [ "$sim_on" -gt 2 ] || { [ "$sim_od" = 1 ] && [ "$sim_oany" -gt 1 ]; } || { [ "$sim_oa" = 1 ] && [ "$((sim_oany - sim_oc))" -gt 1 ]; }; then
    eval "set -- $sim_oorig"
    sim_real "$@"
  fi
  sim_loop_load
  if [ "$sim_oany" = 0 ] && [ "$sim_on" = 1 ]; then
    case $sim_o1 in
      /dev/loop[0-9]*)
        sim_onum=${sim_o1#/dev/loop}
        if sim_loop_attached "$sim_onum"; then
          eval "printf '%s: 0 %s\n' \"\$sim_o1\" \"\$SIM_LG_$sim_onum\""
          return 0
        fi
        ;;
    esac
    sim_loop_error "$sim_o1"
    return 1
  fi
  if [ "$sim_oany" = "$sim_oc" ] && [ "$sim_oc" = 1 ] && [ "$sim_on" -ge 1 ]; then
    if [ ! -e "$sim_o1" ]; then
      printf "losetup: can't open '%s': No such file or directory\n" "$sim_o1" >&2
      return 1
    fi
    return 0
  fi
  if [ "$sim_od" = 1 ] && [ "$sim_on" -ge 1 ]; then
    case $sim_o1 in
      /dev/loop[0-9]*)
        sim_onum=${sim_o1#/dev/loop}
        if sim_loop_attached "$sim_onum"; then
          sim_loop_detach "$sim_o1"
          return 0
        fi
        ;;
    esac
    sim_loop_error "$sim_o1"
    return 1
  fi
  if [ "$sim_oa" = 1 ]; then
    sim_onum=0
    while [ "$sim_onum" -lt 1023 ]; do
      if sim_loop_attached "$sim_onum"; then
        eval "printf '/dev/loop%s: 0 %s\n' \"\$sim_onum\" \"\$SIM_LG_$sim_onum\""
      fi
      sim_onum=$((sim_onum + 1))
    done
    return 0
  fi
  sim_ofree=0
  while sim_loop_attached "$sim_ofree"; do sim_ofree=$((sim_ofree + 1)); done
  if [ "$sim_of" = 1 ] && [ "$sim_oany" = 1 ] && [ "$sim_on" = 0 ]; then
    printf '/dev/loop%s\n' "$sim_ofree"
    return 0
  fi
  if [ "$sim_on" -ge 1 ] && { [ "$sim_of" = 1 ] || [ "$sim_on" = 2 ]; }; then
    if [ "$sim_of" = 1 ]; then
      sim_ofile=$sim_o1 sim_onum=$sim_ofree
    else
      sim_ofile=$sim_o2
      case $sim_o1 in
        /dev/loop[0-9]*) sim_onum=${sim_o1#/dev/loop} ;;
        *) sim_onum=x ;;
      esac
    fi
    if [ -n "$sim_ofile" ] && [ -e "$sim_ofile" ] && [ ! -d "$sim_ofile" ]; then
      case $sim_onum in
        '' | *[!0-9]*) ;;
        *)
          if ! sim_loop_attached "$sim_onum"; then
            sim_canon "$sim_ofile"
            sim_loop_attach "$SIM_CANON" "$sim_ofile" "$sim_onum"
            return 0
          fi
          ;;
      esac
    fi
    if [ ! -e "$sim_ofile" ]; then
      printf 'losetup: %s: No such file or directory\n' "$sim_ofile" >&2
    elif [ -d "$sim_ofile" ]; then
      printf 'losetup: %s: Is a directory\n' "$sim_ofile" >&2
    else
      printf 'losetup: %s: Device or resource busy\n' "$sim_ofile" >&2
    fi
    return 1
  fi
  eval "set -- $sim_oorig"
  sim_real "$@"
}

# sim_loop_error DEVICE: busybox's message for a loop device it cannot query or detach.
sim_loop_error() {
  if [ -e "$1" ]; then
    printf 'losetup: %s: No such device or address\n' "$1" >&2
  else
    printf 'losetup: %s: No such file or directory\n' "$1" >&2
  fi
}

# losetup, util-linux's (utilLinux: true): -f --show FILE, -f FILE, /dev/loopN FILE, -f
# (prints the next free device), -d /dev/loopN.
sim_cmd_losetup_ul() {
  sim_ofind=0 sim_oshow=0 sim_odet=0 sim_oskip=0 sim_on=0 sim_o1='' sim_o2=''
  while [ $# -gt 0 ]; do
    case $1 in
      --find) sim_ofind=1 ;;
      --show) sim_oshow=1 ;;
      --detach) sim_odet=1 ;;
      --detach-all | --all | --list | --associated | --set-capacity) sim_oskip=1 ;;
      --offset | --sizelimit | --sector-size | --direct-io | --output) shift ;;
      --*) ;;
      -?*)
        case $1 in *d*) sim_odet=1 ;; esac
        case $1 in *[DaljcP]*) sim_oskip=1 ;; esac
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
  sim_loop_load
  if [ "$sim_odet" = 1 ]; then
    sim_onum=${sim_o1#/dev/loop}
    if sim_loop_attached "$sim_onum"; then
      sim_loop_detach "$sim_o1"
      return 0
    fi
    printf 'losetup: %s: detach failed: No such device or address\n' "$sim_o1" >&2
    return 1
  fi
  [ "$sim_oskip" = 1 ] && return 0
  if [ "$sim_ofind" = 1 ]; then
    sim_ofile=$sim_o1
    sim_onum=0
    while sim_loop_attached "$sim_onum"; do sim_onum=$((sim_onum + 1)); done
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
    if sim_loop_attached "$sim_onum"; then
      printf 'losetup: %s: failed to set up loop device: Device or resource busy\n' "$sim_ofile" >&2
      return 1
    fi
  fi
  if [ ! -e "$sim_ofile" ]; then
    printf 'losetup: %s: failed to set up loop device: No such file or directory\n' "$sim_ofile" >&2
    return 1
  fi
  sim_canon "$sim_ofile"
  sim_loop_attach "$SIM_CANON" "$sim_ofile" "$sim_onum"
  [ "$sim_oshow" = 1 ] && printf '/dev/loop%s\n' "$sim_onum"
  return 0
}
