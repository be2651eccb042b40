# md RAID: mdadm --assemble (mdadm 4.2, Debian bookworm's) over the scenario's arrays, and
# the kernel's side of it, /proc/mdstat (Linux 6.1, drivers/md/md.c md_seq_show). The rules
# are mdadm's own, read from its source (Assemble.c, mdadm.c, util.c; named at each rule).
# Every array is metadata 1.2, clean, last run with all of its members in sync, and no
# mdadm.conf names it: `--scan` auto-assembles whatever the present devices hold.
#
# $SIM_STATE/md has a line `N STATE ROLE...` per array the kernel holds: N the scenario
# array, STATE `active` (running) or `inactive` (assembled, not started), then the roles of
# its member devices in the kernel's order (bind_rdev_to_array adds each at the head of the
# list). Lines are in the kernel's order of arrays, the newest first. $SIM_STATE/md-pers
# holds the registered personalities, in order of registration. /proc/mdstat exists once md
# is loaded: when mdadm first gets that far, or modprobe loads md or a personality.
#
# Names: sim_md_* functions, sim_y* variables (sim_md is the generated table).

# sim_md_load: reads $SIM_STATE/md into SIM_KMD (" 1 0") and SIM_MDST_N / SIM_MDRO_N.
sim_md_load() {
  SIM_KMD=
  [ -f "$SIM_STATE/md" ] || return 0
  while read -r sim_yl1 sim_yl2 sim_yl3; do
    SIM_KMD="$SIM_KMD $sim_yl1"
    eval "SIM_MDST_$sim_yl1=\$sim_yl2 SIM_MDRO_$sim_yl1=\$sim_yl3"
  done <"$SIM_STATE/md"
}

# sim_md_set N STATE ROLES: records array N as STATE with its members ROLES (in the kernel's
# order); an empty STATE removes it (stopped).
sim_md_set() {
  if [ -z "$2" ]; then
    sim_yset=
    for sim_ysn in $SIM_KMD; do
      [ "$sim_ysn" = "$1" ] || sim_yset="$sim_yset $sim_ysn"
    done
    SIM_KMD=$sim_yset
  else
    case " $SIM_KMD " in
      *" $1 "*) ;;
      *) SIM_KMD=" $1$SIM_KMD" ;;
    esac
  fi
  eval "SIM_MDST_$1=\$2 SIM_MDRO_$1=\$3"
  sim_ysout=
  for sim_ysn in $SIM_KMD; do
    eval "sim_ysout=\"\$sim_ysout\$sim_ysn \$SIM_MDST_$sim_ysn \$SIM_MDRO_$sim_ysn\$SIM_NL\""
  done
  printf '%s' "$sim_ysout" >"$SIM_STATE/md"
}

# sim_md_pers NAME...: registers personalities (their module was loaded), keeping the order.
sim_md_pers() {
  sim_ypl=
  [ -f "$SIM_STATE/md-pers" ] && IFS= read -r sim_ypl <"$SIM_STATE/md-pers"
  for sim_ypn in "$@"; do
    case " $sim_ypl " in
      *" $sim_ypn "*) ;;
      *) sim_ypl="${sim_ypl:+$sim_ypl }$sim_ypn" ;;
    esac
  done
  printf '%s\n' "$sim_ypl" >"$SIM_STATE/md-pers"
}

# sim_md_module NAME: modprobe loaded module NAME (- as _): md itself or a personality (by
# name or by the aliases md requests, md-level-N and md-raidN) makes /proc/mdstat appear.
sim_md_module() {
  case $1 in
    md_mod) ;;
    linear | md_linear | md_level__1) sim_md_pers linear ;;
    raid0 | md_raid0 | md_level_0) sim_md_pers raid0 ;;
    raid1 | md_raid1 | md_level_1) sim_md_pers raid1 ;;
    raid10 | md_raid10 | md_level_10) sim_md_pers raid10 ;;
    raid456 | md_raid4 | md_raid5 | md_raid6 | md_level_4 | md_level_5 | md_level_6) sim_md_pers raid6 raid5 raid4 ;;
    *) return 0 ;;
  esac
  sim_md_load
  sim_md_stat
}

# sim_md_nth I WORD...: sets sim_ynth to the I-th WORD (from 0); empty past the end.
sim_md_nth() {
  sim_yni=$1
  shift
  sim_ynth=
  [ "$sim_yni" -lt "$#" ] || return 0
  shift "$sim_yni"
  sim_ynth=$1
}

# sim_md_stat: writes /proc/mdstat as md_seq_show prints it: the personalities, then each
# array the kernel holds (the newest first) — `md0 : active raid1 vda[0] vdb[1]`, its size,
# metadata, the personality's status (raid1_status's `[2/1] [U_]` …), and a line of spaces
# (six when it runs, seven when inactive); its members are DEV[ROLE], `(S)` while it is
# inactive (their raid_disk is not set until the array runs).
sim_md_stat() {
  sim_ypl=
  [ -f "$SIM_STATE/md-pers" ] && IFS= read -r sim_ypl <"$SIM_STATE/md-pers"
  sim_yt="Personalities : "
  for sim_ypn in $sim_ypl; do
    sim_yt="${sim_yt}[$sim_ypn] "
  done
  sim_yt=$sim_yt$SIM_NL
  for sim_ysn in $SIM_KMD; do
    sim_md "$sim_ysn"
    eval "sim_yss=\$SIM_MDST_$sim_ysn sim_ysr=\$SIM_MDRO_$sim_ysn"
    sim_yline="${MD_PATH#/dev/} : $sim_yss"
    if [ "$sim_yss" = active ]; then
      case $MD_LEVEL in
        -1) sim_yline="$sim_yline linear" ;;
        *) sim_yline="$sim_yline raid$MD_LEVEL" ;;
      esac
    fi
    sim_yblk=0
    for sim_yr in $sim_ysr; do
      # shellcheck disable=SC2086 # lists of validated paths and numbers
      sim_md_nth "$sim_yr" $MD_MEMBERS
      sim_lookup "$sim_ynth"
      sim_yline="$sim_yline ${SIM_PART}[$sim_yr]"
      [ "$sim_yss" = active ] || sim_yline="$sim_yline(S)"
      # shellcheck disable=SC2086
      sim_md_nth "$sim_yr" $MD_DATA
      sim_yblk=$((sim_yblk + sim_ynth))
    done
    if [ "$sim_yss" = active ]; then
      sim_yline="$sim_yline$SIM_NL      $MD_KB blocks super 1.2$MD_STATUS"
      if [ "$MD_SLOTS" = 1 ]; then
        sim_yup=0 sim_yslots=''
        sim_yr=0
        while [ "$sim_yr" -lt "$MD_N" ]; do
          case " $sim_ysr " in
            *" $sim_yr "*) sim_yslots=${sim_yslots}U sim_yup=$((sim_yup + 1)) ;;
            *) sim_yslots=${sim_yslots}_ ;;
          esac
          sim_yr=$((sim_yr + 1))
        done
        sim_yline="$sim_yline [$MD_N/$sim_yup] [$sim_yslots]"
      fi
      sim_yline="$sim_yline$SIM_NL      "
    else
      sim_yline="$sim_yline$SIM_NL      $sim_yblk blocks super 1.2$SIM_NL       "
    fi
    sim_yt="$sim_yt$sim_yline$SIM_NL"
  done
  sim_yt="${sim_yt}unused devices: <none>$SIM_NL"
  printf '%s' "$sim_yt" >"$SIM_PFS/proc/mdstat"
}

# sim_md_enough ROLES: util.c enough() for the current array, clean, with members of these
# roles: linear and raid0 need all, raid1 one, raid4 and raid5 all but one, raid6 all but
# two, raid10 (near 2) one of each pair of neighbours (mod the member count).
sim_md_enough() {
  sim_yen=0
  for sim_yer in $1; do sim_yen=$((sim_yen + 1)); done
  case $MD_LEVEL in
    -1 | 0) [ "$sim_yen" -ge "$MD_N" ] ;;
    1) [ "$sim_yen" -ge 1 ] ;;
    4 | 5) [ "$sim_yen" -ge $((MD_N - 1)) ] ;;
    6) [ "$sim_yen" -ge $((MD_N - 2)) ] ;;
    10)
      sim_yef=0
      while :; do
        case " $1 " in
          *" $sim_yef "* | *" $(((sim_yef + 1) % MD_N)) "*) ;;
          *) return 1 ;;
        esac
        sim_yef=$(((sim_yef + 2) % MD_N))
        [ "$sim_yef" = 0 ] && return 0
      done
      ;;
    *) return 1 ;;
  esac
}

# sim_md_select N: array N's members as mdadm finds them: sets sim_yn, MD_* (sim_md),
# sim_yst (its state in the kernel, empty when it holds none), sim_ypre (the roles already in
# the kernel, whose devices are busy) and sim_ynew (the roles of present devices not in it).
sim_md_select() {
  sim_yn=$1
  sim_md "$1"
  sim_yst='' sim_ypre=''
  case " $SIM_KMD " in
    *" $1 "*) eval "sim_yst=\$SIM_MDST_$1 sim_ypre=\$SIM_MDRO_$1" ;;
  esac
  sim_ynew=
  sim_yr=0
  for sim_ym in $MD_MEMBERS; do
    case " $sim_ypre " in
      *" $sim_yr "*) ;;
      *) sim_lookup "$sim_ym" && sim_ynew="$sim_ynew $sim_yr" ;;
    esac
    sim_yr=$((sim_yr + 1))
  done
}

# sim_md_node: the array's node exists (mdadm made it) but holds nothing: an inactive array.
sim_md_node() {
  sim_lookup "$MD_PATH" && return 0
  sim_dev "$MD_DEV"
  sim_appear - "$MD_PATH" "$D_PART" "$D_MAJ" "$D_MIN" 0
}

# sim_md_run_node: the array runs: its node holds it (its size, its filesystem).
sim_md_run_node() {
  if sim_lookup "$MD_PATH"; then
    [ "$SIM_IDX" = - ] || return 0
    sim_present_set "$MD_PATH" "$MD_DEV"
    sim_dev "$MD_DEV"
    printf '%4d  %7d %10d %s\n' "$D_MAJ" "$D_MIN" "$D_BLOCKS" "$D_PART" >>"$SIM_PFS/proc/partitions"
    printf '%s\n' "$((D_BLOCKS * 2))" >"$SIM_PFS/sys/devices/virtual/block/$D_PART/size"
  else
    sim_appear_dev "$MD_DEV"
  fi
}

# sim_md_start PARTIAL: the end of Assemble.c Assemble() for the array sim_md_select chose,
# with the members of roles $sim_ypre already in the kernel and $sim_ynew added now.
# start_array() runs it when --run insists, or when enough() holds and either every member
# that was in sync last time is here or a partial start is allowed (PARTIAL = start_partial_ok:
# no --no-degraded, and no device list on the command line or --force). Messages and status
# are start_array()'s: 0 started or, with --no-degraded, assembled but not started; 1 not.
sim_md_start() {
  sim_yall="$sim_ypre$sim_ynew"
  sim_yok=0
  for sim_yr in $sim_yall; do sim_yok=$((sim_yok + 1)); done
  sim_ydrv=drives
  [ "$sim_yok" = 1 ] && sim_ydrv=drive
  sim_yout=
  [ "$sim_yok" -lt "$MD_N" ] && sim_yout=" (out of $MD_N)"
  # The kernel's list of members: mdadm adds the new ones in role order, the first in-sync
  # member ("chosen_drive", the lowest role) last; each goes to the head of the list.
  sim_ylow=
  for sim_yr in $sim_yall; do
    if [ -z "$sim_ylow" ] || [ "$sim_yr" -lt "$sim_ylow" ]; then sim_ylow=$sim_yr; fi
  done
  sim_ylist=$sim_ypre
  for sim_yr in $sim_ynew; do
    [ "$sim_yr" = "$sim_ylow" ] || sim_ylist="$sim_yr $sim_ylist"
  done
  case " $sim_ynew " in *" $sim_ylow "*) sim_ylist="$sim_ylow $sim_ylist" ;; esac
  sim_yenough=0
  sim_md_enough "$sim_yall" && sim_yenough=1
  if [ "$sim_yrunstop" = 1 ] || { [ "$sim_yrunstop" -le 0 ] && [ "$sim_yenough" = 1 ] && { [ "$sim_yok" -ge "$MD_N" ] || [ "$1" = 1 ]; }; }; then
    # RUN_ARRAY: md_run requests the level's module (md-level-N), then the personality runs
    # the array or refuses it (too few members: raid0 -EINVAL, raid5/6 and raid10 -EIO).
    sim_yerr=
    if sim_module_missing "$MD_MODULE"; then
      # md_run: "personality for level N is not loaded!", -EINVAL.
      sim_yerr='Invalid argument'
    else
      # shellcheck disable=SC2086 # a list of names
      sim_md_pers $MD_PERS
      [ "$sim_yenough" = 1 ] || sim_yerr=$MD_ERRNO
    fi
    if [ -z "$sim_yerr" ]; then
      sim_md_set "$sim_yn" active "$sim_ylist"
      sim_md_run_node
      if [ "$sim_yverbose" -ge 0 ]; then
        printf 'mdadm: %s has been started with %s %s%s.\n' "$MD_PATH" "$sim_yok" "$sim_ydrv" "$sim_yout" >&2
      fi
      return 0
    fi
    printf 'mdadm: failed to RUN_ARRAY %s: %s\n' "$MD_PATH" "$sim_yerr" >&2
    [ "$sim_yenough" = 1 ] || printf 'mdadm: Not enough devices to start the array.\n' >&2
    sim_md_unstarted
    return 1
  fi
  if [ "$sim_yrunstop" = -1 ]; then
    # --no-degraded: left assembled, not started, and that counts as done (status 2 → 0).
    printf 'mdadm: %s assembled from %s %s%s, but not started.\n' "$MD_PATH" "$sim_yok" "$sim_ydrv" "$sim_yout" >&2
    sim_md_set "$sim_yn" inactive "$sim_ylist"
    sim_md_node
    return 0
  fi
  if [ "$sim_yverbose" -ge -1 ]; then
    if [ "$sim_yenough" = 0 ]; then
      printf 'mdadm: %s assembled from %s %s - not enough to start the array.\n' "$MD_PATH" "$sim_yok" "$sim_ydrv" >&2
    else
      printf 'mdadm: %s assembled from %s %s - need all %s to start it (use --run to insist).\n' "$MD_PATH" "$sim_yok" "$sim_ydrv" "$MD_N" >&2
    fi
  fi
  sim_md_unstarted
  return 1
}

# sim_md_unstarted: after a start that failed, Assemble() stops the array (STOP_ARRAY), unless
# it merged with one already in the kernel: that one stays, inactive, with the new members.
sim_md_unstarted() {
  if [ -n "$sim_ypre" ]; then
    sim_md_set "$sim_yn" inactive "$sim_ylist"
  else
    sim_md_set "$sim_yn" '' ''
  fi
}

# sim_md_merge NAMED: the array found already has members in the kernel. Running, Assemble()
# gives up; inactive, it merges with it (and says so when the command did not name it).
# Fails (1) when it gave up.
sim_md_merge() {
  case $sim_yst in
    active)
      printf 'mdadm: Found some drive for an array that is already active: %s\nmdadm: giving up.\n' "$MD_PATH" >&2
      return 1
      ;;
    inactive) [ "$1" = 1 ] || printf 'mdadm: Merging with already-assembled %s\n' "$MD_PATH" >&2 ;;
  esac
  return 0
}

# sim_md_scan: --assemble --scan with no device: mdadm.c scan_assemble() auto-assembles (no
# mdadm.conf) each array whose devices it finds, with partial starts allowed unless
# --no-degraded; a device of a running array is busy, a new one of a running array makes it
# give up. Nothing assembled: `No arrays found in config file or automatically`, 1.
sim_md_scan() {
  sim_ycnt=0
  for sim_ya in $SIM_MDS; do
    sim_md_select "$sim_ya"
    [ -n "$sim_ynew" ] || continue
    sim_ytouched=1
    sim_md_merge 0 || continue
    sim_ypartial=0
    [ "$sim_yrunstop" -ge 0 ] && sim_ypartial=1
    sim_md_start "$sim_ypartial" && sim_ycnt=$((sim_ycnt + 1))
  done
  if [ "$sim_ycnt" = 0 ]; then
    printf 'mdadm: No arrays found in config file or automatically\n' >&2
    return 1
  fi
  return 0
}

# sim_md_named PATH: --assemble PATH without devices (or --scan PATH): the array mdadm.conf
# would name (the simulator takes the scenario's array of that path as named there), its
# devices searched for like --scan's. None found: status 2, silently (select_devices found
# nothing); not an array of the scenario: `PATH not identified in config file.`, 1.
sim_md_named() {
  sim_yfound=
  for sim_ya in $SIM_MDS; do
    sim_md "$sim_ya"
    [ "$MD_PATH" = "$1" ] && sim_yfound=$sim_ya
  done
  if [ -z "$sim_yfound" ]; then
    printf 'mdadm: %s not identified in config file.\n' "$1" >&2
    return 1
  fi
  sim_md_select "$sim_yfound"
  [ -n "$sim_ynew" ] || return 2
  sim_ytouched=1
  sim_md_merge 1 || return 1
  sim_ypartial=0
  [ "$sim_yrunstop" -ge 0 ] && sim_ypartial=1
  sim_md_start "$sim_ypartial"
}

# sim_md_listed MDDEV DEVICE...: --assemble MDDEV DEVICE... (Assemble.c select_devices() with
# the devices from the command line): each must open and hold a superblock, else the
# assembly is aborted (1); a busy one (in the kernel already) is skipped; one of another array
# aborts it. A partial start needs --run or --force.
sim_md_listed() {
  sim_ymddev=$1
  shift
  sim_ysel='' sim_yroles=''
  for sim_yd in "$@"; do
    if ! sim_lookup "$sim_yd"; then
      if [ -e "$sim_yd" ]; then
        printf 'mdadm: %s is not a block device.\n' "$sim_yd" >&2
      elif [ "$sim_yverbose" -ge 0 ]; then
        printf 'mdadm: cannot open device %s: No such file or directory\n' "$sim_yd" >&2
      fi
      printf 'mdadm: %s has no superblock - assembly aborted\n' "$sim_yd" >&2
      return 1
    fi
    sim_yof='' sim_yrole=''
    for sim_ya in $SIM_MDS; do
      sim_md "$sim_ya"
      sim_yr=0
      for sim_ym in $MD_MEMBERS; do
        if [ "$sim_ym" = "$sim_yd" ]; then sim_yof=$sim_ya sim_yrole=$sim_yr; fi
        sim_yr=$((sim_yr + 1))
      done
    done
    if [ -z "$sim_yof" ]; then
      [ "$sim_yverbose" -lt 0 ] || printf 'mdadm: no recogniseable superblock on %s\n' "$sim_yd" >&2
      printf 'mdadm: %s has no superblock - assembly aborted\n' "$sim_yd" >&2
      return 1
    fi
    case " $SIM_KMD " in
      *" $sim_yof "*)
        eval "sim_ybusy=\$SIM_MDRO_$sim_yof"
        case " $sim_ybusy " in
          *" $sim_yrole "*)
            [ "$sim_yverbose" -lt 0 ] || printf 'mdadm: %s is busy - skipping\n' "$sim_yd" >&2
            continue
            ;;
        esac
        ;;
    esac
    if [ -n "$sim_ysel" ] && [ "$sim_ysel" != "$sim_yof" ]; then
      printf "mdadm: superblock on %s doesn't match others - assembly aborted\n" "$sim_yd" >&2
      return 1
    fi
    sim_ysel=$sim_yof
    case " $sim_yroles " in *" $sim_yrole "*) ;; *) sim_yroles="$sim_yroles $sim_yrole" ;; esac
  done
  [ -n "$sim_ysel" ] || return 2
  sim_ytouched=1
  sim_md_select "$sim_ysel"
  if [ "$MD_PATH" != "$sim_ymddev" ]; then
    printf 'initsh simulate: mdadm: assembling the members of %s as %s is not modelled\n' "$MD_PATH" "$sim_ymddev" >&2
    return 1
  fi
  # Only the listed devices, in role order.
  sim_ynew=
  sim_yr=0
  while [ "$sim_yr" -lt "$MD_N" ]; do
    case " $sim_yroles " in *" $sim_yr "*) sim_ynew="$sim_ynew $sim_yr" ;; esac
    sim_yr=$((sim_yr + 1))
  done
  sim_md_merge 1 || return 1
  sim_ypartial=0
  [ "$sim_yrunstop" -ge 0 ] && [ "$sim_yforce" = 1 ] && sim_ypartial=1
  sim_md_start "$sim_ypartial"
}

# mdadm: --assemble only (anything else succeeds silently). [-A|--assemble] [-s|--scan]
# [-R|--run] [--no-degraded] [-f|--force] [-q|--quiet] [-v|--verbose] [MDDEV [DEVICE...]];
# other options are skipped with their values. Forms (mdadm.c, ASSEMBLE): --scan alone
# auto-assembles; one MDDEV names an array (config file); MDDEV DEVICE... assembles those
# devices; --scan MDDEV... names each.
sim_cmd_mdadm() {
  sim_yassemble=0 sim_yscan=0 sim_yrunstop=0 sim_yforce=0 sim_yverbose=0 sim_yexamine=0 sim_yops=
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      --assemble) sim_yassemble=1 ;;
      --examine) sim_yexamine=1 ;;
      --scan) sim_yscan=1 ;;
      --run | --no-degraded | --force | --quiet | --verbose) sim_md_flag "${1#--}" || return 2 ;;
      --*=*) ;;
      --config | --uuid | --name | --update | --auto | --bitmap | --super-minor | --metadata | --homehost | \
        --backup-file | --level | --layout | --chunk | --raid-devices | --spare-devices | --size | --array-size | \
        --prefer | --data-offset | --consistency-policy | --write-journal)
        if [ $# -gt 1 ]; then shift; fi
        ;;
      --*) ;;
      -?*)
        sim_ycl=${1#-}
        while [ -n "$sim_ycl" ]; do
          sim_ych=${sim_ycl%"${sim_ycl#?}"}
          sim_ycl=${sim_ycl#?}
          case $sim_ych in
            A) sim_yassemble=1 ;;
            E) sim_yexamine=1 ;;
            s) sim_yscan=1 ;;
            R) sim_md_flag run || return 2 ;;
            f) sim_md_flag force ;;
            q) sim_md_flag quiet ;;
            v) sim_md_flag verbose ;;
            [ZbcilpmrnxudzUNaek])
              # An option with a value: the rest of the word, or the next argument.
              if [ -z "$sim_ycl" ] && [ $# -gt 1 ]; then shift; fi
              sim_ycl=
              ;;
          esac
        done
        ;;
      *)
        sim_q "$1"
        sim_yops="$sim_yops $sim_qv"
        ;;
    esac
    [ $# -gt 0 ] && shift
  done
  eval "set -- $sim_yops \"\$@\""
  if [ "$sim_yexamine" = 1 ] && [ "$sim_yscan" = 1 ] && [ $# = 0 ]; then
    sim_md_examine_scan
    return 0
  fi
  [ "$sim_yassemble" = 1 ] || return 0
  if [ "$sim_yscan" = 0 ] && [ $# = 0 ]; then
    printf 'mdadm: an md device must be given in this mode\n' >&2
    return 2
  fi
  if [ "$sim_yscan" = 0 ] && [ "$sim_yrunstop" = -1 ]; then
    printf 'mdadm: --no-degraded not meaningful without a --scan assembly.\n' >&2
    return 1
  fi
  sim_md_load
  sim_ytouched=0
  sim_ystatus=0
  if [ "$sim_yscan" = 1 ] && [ $# = 0 ]; then
    sim_md_scan || sim_ystatus=1
  elif [ "$sim_yscan" = 0 ] && [ $# = 1 ]; then
    sim_md_named "$1" || sim_ystatus=$?
  elif [ "$sim_yscan" = 0 ]; then
    sim_md_listed "$@" || sim_ystatus=$?
  else
    for sim_yop in "$@"; do
      sim_md_named "$sim_yop" || sim_ystatus=$((sim_ystatus | $?))
    done
  fi
  # Opening an md device loads md: from then on /proc/mdstat exists.
  [ "$sim_ytouched" = 0 ] || sim_md_stat
  return "$sim_ystatus"
}

# sim_md_flag run|no-degraded|force|quiet|verbose: one option of mdadm.c's parser. --run
# after --no-degraded is refused (status 2); --no-degraded after --run wins.
sim_md_flag() {
  case $1 in
    run)
      if [ "$sim_yrunstop" = -1 ]; then
        printf 'mdadm: Cannot both Stop and Run an array\n' >&2
        return 1
      fi
      sim_yrunstop=1
      ;;
    no-degraded) sim_yrunstop=-1 ;;
    force) sim_yforce=1 ;;
    quiet) sim_yverbose=$((sim_yverbose - 1)) ;;
    verbose) sim_yverbose=$((sim_yverbose + 1)) ;;
  esac
  return 0
}

# sim_md_examine_scan: --examine --scan (-Es): one ARRAY line per array with a present member,
# as mdadm 4.2 prints it for metadata 1.2 — measured on the QEMU suite's mdadm-made disks:
# `ARRAY /dev/md/0  metadata=1.2 UUID=… name=(none):0` (the homehost of an initramfs without a
# hostname); with --verbose also level= and num-devices=, then `   devices=A,B` (the present
# members). Status 0, also when it finds none.
# shellcheck disable=SC2153 # MD_UUID, MD_NAME … are set by sim_md, the generated table
sim_md_examine_scan() {
  sim_md_load
  for sim_ya in $SIM_MDS; do
    sim_md "$sim_ya"
    sim_ydevs=''
    for sim_ym in $MD_MEMBERS; do
      sim_lookup "$sim_ym" && sim_ydevs=$sim_ydevs${sim_ydevs:+,}$sim_ym
    done
    [ -n "$sim_ydevs" ] || continue
    if [ "$sim_yverbose" -ge 1 ]; then
      case $MD_LEVEL in
        -1) sim_ylv=linear ;;
        *) sim_ylv=raid$MD_LEVEL ;;
      esac
      printf 'ARRAY /dev/md/%s  level=%s metadata=1.2 num-devices=%s UUID=%s name=(none):%s\n   devices=%s\n' \
        "$MD_NAME" "$sim_ylv" "$MD_N" "$MD_UUID" "$MD_NAME" "$sim_ydevs"
    else
      printf 'ARRAY /dev/md/%s  metadata=1.2 UUID=%s name=(none):%s\n' "$MD_NAME" "$MD_UUID" "$MD_NAME"
    fi
  done
}
