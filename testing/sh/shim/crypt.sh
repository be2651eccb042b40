# cryptsetup: LUKS containers from the scenario, unlocked by passphrase or key file.

# sim_read_all: sets sim_all to everything on standard input (NUL bytes cannot survive).
sim_read_all() {
  sim_all=
  sim_rl=
  while IFS= read -r sim_rl; do
    sim_all=$sim_all$sim_rl$SIM_NL
  done
  sim_all=$sim_all$sim_rl
}

# sim_crypt_key DEVICE: reads the key for DEVICE the way cryptsetup does and checks it
# against the scenario (sim_luks_key); returns cryptsetup's status.
sim_crypt_key() {
  if [ "$sim_has_keyfile" = 1 ]; then
    if [ "$sim_keyfile" = - ]; then
      sim_read_all
    elif [ -f "$sim_keyfile" ]; then
      sim_read_all <"$sim_keyfile"
    else
      printf 'Failed to open key file.\n' >&2
      return 1
    fi
    sim_luks_key "$sim_cidx" "$sim_all" && return 0
    printf 'No key available with this passphrase.\n' >&2
    return 2
  fi
  if [ -t 0 ]; then
    # A terminal: prompt, read a line, retry up to --tries times (0 = no limit).
    sim_try=0
    while [ "$sim_tries" = 0 ] || [ "$sim_try" -lt "$sim_tries" ]; do
      printf 'Enter passphrase for %s: ' "$1" >&2
      if ! IFS= read -r sim_pass; then
        printf '\nError reading passphrase from terminal.\n' >&2
        return 1
      fi
      printf '\n' >&2
      sim_luks_key "$sim_cidx" "$sim_pass" && return 0
      printf 'No key available with this passphrase.\n' >&2
      sim_try=$((sim_try + 1))
    done
    return 2
  fi
  # Not a terminal: the passphrase is the input up to the first newline, one try.
  sim_pass=
  if ! IFS= read -r sim_pass && [ -z "$sim_pass" ]; then
    printf 'Nothing to read on input.\n' >&2
    return 1
  fi
  sim_luks_key "$sim_cidx" "$sim_pass" && return 0
  printf 'No key available with this passphrase.\n' >&2
  return 2
}

# sim_crypt_open DEVICE NAME
sim_crypt_open() {
  if [ -z "$1" ] || [ -z "$2" ]; then
    printf 'Command requires device and mapped name as arguments.\n' >&2
    return 1
  fi
  if ! sim_lookup "$1"; then
    printf 'Device %s does not exist or access denied.\n' "$1" >&2
    return 4
  fi
  sim_cidx=$SIM_IDX
  sim_dev "$sim_cidx"
  if [ -z "$D_LUKS" ]; then
    printf 'Device %s is not a valid LUKS device.\n' "$1" >&2
    return 1
  fi
  sim_ccontents=$D_LUKS
  if ! sim_valid_name "$2"; then
    printf 'initsh simulate: device name %s is not supported (letters, digits and ._+:@- only).\n' "$2" >&2
    return 1
  fi
  if sim_lookup "/dev/mapper/$2"; then
    printf 'Device %s already exists.\n' "$2" >&2
    return 5
  fi
  if sim_idx_present "$sim_ccontents"; then
    printf 'Cannot use device %s which is in use (already mapped or mounted).\n' "$1" >&2
    return 5
  fi
  sim_crypt_key "$1" || return
  sim_appear_dev "$sim_ccontents" "/dev/mapper/$2"
  return 0
}

# cryptsetup [OPTIONS] open|luksOpen DEVICE NAME | isLuks DEVICE | luksUUID DEVICE |
#            status NAME | close|luksClose NAME
sim_cmd_cryptsetup() {
  sim_keyfile='' sim_has_keyfile=0 sim_tries=3 sim_cn=0 sim_c1='' sim_c2='' sim_c3=''
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      -d | --key-file) sim_keyfile=$2 sim_has_keyfile=1; shift ;;
      --key-file=*) sim_keyfile=${1#*=} sim_has_keyfile=1 ;;
      -T | --tries) sim_tries=$2; shift ;;
      --tries=*) sim_tries=${1#*=} ;;
      -M | --type | -l | --keyfile-size | --keyfile-offset | --header | -S | --key-slot | \
        -t | --timeout | -c | --cipher | -h | --hash | -s | --key-size | -o | --offset | \
        -p | --skip | -b | --size | -i | --iter-time | --pbkdf | --token-id | --token-type | \
        --priority | --label | --subsystem | --sector-size | --integrity)
        shift
        ;;
      -?*) ;;
      *)
        sim_cn=$((sim_cn + 1))
        eval "sim_c$sim_cn=\$1"
        ;;
    esac
    [ $# -gt 0 ] && shift
  done
  for sim_carg in "$@"; do
    sim_cn=$((sim_cn + 1))
    eval "sim_c$sim_cn=\$sim_carg"
  done
  case $sim_tries in '' | *[!0-9]*) sim_tries=3 ;; esac
  case $sim_c1 in
    open | luksOpen)
      sim_crypt_open "$sim_c2" "$sim_c3"
      ;;
    isLuks)
      if ! sim_lookup "$sim_c2"; then
        printf 'Device %s does not exist or access denied.\n' "$sim_c2" >&2
        return 4
      fi
      sim_dev "$SIM_IDX"
      [ -n "$D_LUKS" ]
      ;;
    luksUUID)
      if ! sim_lookup "$sim_c2"; then
        printf 'Device %s does not exist or access denied.\n' "$sim_c2" >&2
        return 4
      fi
      sim_dev "$SIM_IDX"
      if [ -z "$D_LUKS" ]; then
        printf 'Device %s is not a valid LUKS device.\n' "$sim_c2" >&2
        return 1
      fi
      printf '%s\n' "$D_UUID"
      ;;
    status)
      case $sim_c2 in /*) sim_cpath=$sim_c2 ;; *) sim_cpath=/dev/mapper/$sim_c2 ;; esac
      if sim_lookup "$sim_cpath"; then
        printf '%s is active.\n' "$sim_cpath"
        return 0
      fi
      printf '%s is inactive.\n' "$sim_cpath"
      return 4
      ;;
    *) return 0 ;;
  esac
}
