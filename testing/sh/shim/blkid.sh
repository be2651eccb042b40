# findfs (busybox's, or util-linux's with utilLinux) and blkid (util-linux's only): answer
# from the attributes of the present devices.

# sim_blkid_tags: sets sim_bt to the tag names the current device (sim_dev) has, in
# blkid's order.
sim_blkid_tags() {
  sim_bt=
  [ -n "$D_LABEL" ] && sim_bt="$sim_bt LABEL"
  [ -n "$D_UUID" ] && sim_bt="$sim_bt UUID"
  [ -n "$D_TYPE" ] && sim_bt="$sim_bt TYPE"
  [ -n "$D_PTUUID" ] && sim_bt="$sim_bt PTUUID"
  [ -n "$D_PTTYPE" ] && sim_bt="$sim_bt PTTYPE"
  [ -n "$D_PARTLABEL" ] && sim_bt="$sim_bt PARTLABEL"
  [ -n "$D_PARTUUID" ] && sim_bt="$sim_bt PARTUUID"
  :
}

# sim_blkid_escape VALUE: sets sim_be to VALUE with " and \ escaped, as blkid prints it.
sim_blkid_escape() {
  sim_bs=$1
  sim_be=
  while [ -n "$sim_bs" ]; do
    sim_bc=${sim_bs%"${sim_bs#?}"}
    sim_bs=${sim_bs#?}
    case $sim_bc in
      '"' | \\) sim_be="$sim_be\\$sim_bc" ;;
      *) sim_be=$sim_be$sim_bc ;;
    esac
  done
}

# sim_blkid_one PATH IDX: prints what blkid prints for one device, honouring sim_fmt,
# sim_tags and sim_token; succeeds when it printed something.
sim_blkid_one() {
  sim_dev "$2"
  if [ -n "$sim_token" ]; then
    eval "sim_bv=\${D_${sim_token%%=*}-}"
    [ -n "$sim_bv" ] && [ "$sim_bv" = "${sim_token#*=}" ] || return 1
  fi
  sim_blkid_tags
  sim_bsel=
  for sim_b1 in $sim_bt; do
    if [ -z "$sim_tags" ]; then
      sim_bsel="$sim_bsel $sim_b1"
    else
      for sim_b2 in $sim_tags; do
        [ "$sim_b1" = "$sim_b2" ] && sim_bsel="$sim_bsel $sim_b1"
      done
    fi
  done
  [ -n "$sim_bsel" ] || return 1
  case $sim_fmt in
    device) printf '%s\n' "$1" ;;
    value)
      for sim_b1 in $sim_bsel; do
        eval "printf '%s\n' \"\$D_$sim_b1\""
      done
      ;;
    export)
      [ "$sim_bn" -gt 0 ] && printf '\n'
      printf 'DEVNAME=%s\n' "$1"
      for sim_b1 in $sim_bsel; do
        eval "printf '%s=%s\n' \"\$sim_b1\" \"\$D_$sim_b1\""
      done
      ;;
    *)
      sim_bline="$1:"
      for sim_b1 in $sim_bsel; do
        eval "sim_blkid_escape \"\$D_$sim_b1\""
        sim_bline="$sim_bline $sim_b1=\"$sim_be\""
      done
      printf '%s\n' "$sim_bline"
      ;;
  esac
  sim_bn=$((sim_bn + 1))
  return 0
}

# blkid [-o full|value|device|export] [-s TAG]... [-t NAME=VALUE] [-L LABEL] [-U UUID]
#       [-l] [DEVICE...]
sim_cmd_blkid() {
  sim_fmt=full sim_tags='' sim_token='' sim_one=0 sim_bn=0
  while [ $# -gt 0 ]; do
    case $1 in
      -o | --output) sim_fmt=$2; shift ;;
      -o*) sim_fmt=${1#-o} ;;
      --output=*) sim_fmt=${1#*=} ;;
      -s | --match-tag) sim_tags="$sim_tags $2"; shift ;;
      -s*) sim_tags="$sim_tags ${1#-s}" ;;
      --match-tag=*) sim_tags="$sim_tags ${1#*=}" ;;
      -t | --match-token) sim_token=$2; shift ;;
      -t*) sim_token=${1#-t} ;;
      --match-token=*) sim_token=${1#*=} ;;
      -L | --label) sim_token=LABEL=$2 sim_fmt=device sim_one=1; shift ;;
      -U | --uuid) sim_token=UUID=$2 sim_fmt=device sim_one=1; shift ;;
      -l | --list-one) sim_one=1 ;;
      -c | -w | -n | -u | -S | -O | -b | --cache-file | --match-types | --usages | --size | --offset)
        shift
        ;;
      --) shift; break ;;
      -?*) ;;
      *) break ;;
    esac
    [ $# -gt 0 ] && shift
  done
  case $sim_token in
    '' | LABEL=* | UUID=* | TYPE=* | PTTYPE=* | PTUUID=* | PARTLABEL=* | PARTUUID=*) ;;
    *) return 2 ;;
  esac
  if [ $# -gt 0 ]; then
    for sim_barg in "$@"; do
      if sim_lookup "$sim_barg"; then
        sim_blkid_one "$sim_barg" "$SIM_IDX" && [ "$sim_one" = 1 ] && break
      fi
    done
  elif [ -f "$SIM_STATE/present" ]; then
    while read -r sim_bi sim_br sim_bp sim_bpart sim_bprim; do
      [ "$sim_br" = p ] || continue
      sim_blkid_one "$sim_bp" "$sim_bi" && [ "$sim_one" = 1 ] && break
    done <"$SIM_STATE/present"
  fi
  [ "$sim_bn" -gt 0 ] && return 0
  return 2
}

# findfs: busybox 1.35's applet (util-linux/findfs.c): a /dev/… name is printed as it is;
# LABEL= and UUID= are looked up the way its volume_id does (sim_bb_resolve: the block
# devices visible under /dev, the filesystems it knows, a UUID in any case), printing the
# device (0) or nothing (1); anything else is a usage error. With utilLinux: util-linux's.
sim_cmd_findfs() {
  if [ "$SIM_UTIL_LINUX" = 1 ]; then
    sim_cmd_findfs_ul "$@"
    return
  fi
  if [ $# = 0 ]; then
    sim_usage
    return
  fi
  case $1 in
    /dev/*)
      printf '%s\n' "$1"
      return 0
      ;;
    LABEL=*) sim_bb_resolve LABEL "${1#LABEL=}" || return 1 ;;
    UUID=*) sim_bb_resolve UUID "${1#UUID=}" || return 1 ;;
    *) sim_usage; return ;;
  esac
  printf '%s\n' "$SIM_PATH"
  return 0
}

# findfs, util-linux 2.38's: exactly one operand; a name without = is printed as it is;
# LABEL=, UUID=, PARTUUID=, PARTLABEL= resolve to the first present device with it.
sim_cmd_findfs_ul() {
  case ${1-} in
    -h | --help)
      printf '\nUsage:\n findfs [options] {LABEL,UUID,PARTUUID,PARTLABEL}=<value>\n\nFind a filesystem by label or UUID.\n\nOptions:\n -h, --help     display this help\n -V, --version  display version\n\nFor more details see findfs(8).\n'
      return 0
      ;;
    -V | --version)
      printf 'findfs from util-linux 2.38.1\n'
      return 0
      ;;
    --*)
      printf "findfs: unrecognized option '%s'\nTry 'findfs --help' for more information.\n" "$1" >&2
      return 1
      ;;
    -?*)
      printf "findfs: invalid option -- '%s'\nTry 'findfs --help' for more information.\n" "$(printf '%s' "${1#-}" | "$SIM_BB" cut -c1)" >&2
      return 1
      ;;
  esac
  if [ $# -ne 1 ]; then
    printf "findfs: bad usage\nTry 'findfs --help' for more information.\n" >&2
    return 2
  fi
  case $1 in
    *=*) ;;
    *)
      printf '%s\n' "$1"
      return 0
      ;;
  esac
  case $1 in
    LABEL=* | UUID=* | PARTUUID=* | PARTLABEL=*)
      if sim_resolve "$1"; then
        printf '%s\n' "$SIM_PATH"
        return 0
      fi
      ;;
  esac
  printf "findfs: unable to resolve '%s'\n" "$1" >&2
  return 1
}
