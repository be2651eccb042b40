# The simulated mount table, the kernel's mount rules, the mount and umount shims (busybox
# 1.35's applets), and the harness's pseudo filesystems.
#
# The table. $SIM_STATE/mounts is an sh file of lines
#   sim_m ID PARENT MAJ:MIN ROOT TARGET MRO MFL TYPE SOURCE SRO SFL SOPT GIVEN RTYPE RSOURCE KIND
# in the kernel's order (the mount list of the namespace: oldest first, a moved subtree at the
# end). Entry 1 is always the initramfs's rootfs (mount 1, device 0:2, KIND rootfs). ID is the
# mount ID (the kernel's lowest free, from 21: 2 to 20 are its own), PARENT the mount it sits
# on, MAJ:MIN its superblock's device (a block device's numbers, or an anonymous 0:N), ROOT
# the path inside that filesystem (a bind mount's), MRO/MFL the per-mount read-only bit and
# flags (",nosuid,relatime"), SRO/SFL/SOPT the superblock's read-only bit, flags (",sync")
# and filesystem options (",size=…k,inode64"). GIVEN, RTYPE and RSOURCE are what the run's
# result reports (the options as given, the type, "none" for a bind, and the source as the
# init named it). Loading it fills SIM_MI_i, SIM_MP_i, SIM_MD_i, SIM_MR_i, SIM_MT_i,
# SIM_MRO_i, SIM_MFL_i, SIM_MY_i, SIM_MS_i, SIM_SRO_i, SIM_SFL_i, SIM_SOP_i, SIM_MO_i,
# SIM_MYR_i, SIM_MSR_i, SIM_MK_i (i = 1..SIM_MN); SIM_MX_i marks an entry removed before the
# table is saved again. Saving writes /proc/self/mountinfo and /proc/self/mounts (which
# /proc/mounts links to) in the kernel's formats. Mounting a disk changes no file the init
# sees: the files stay those of the fake root.
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
# The files of each filesystem whose contents the scenario gives, by device index (fakeRoot.ts).
SIM_DISKS=/.sim/disks

sim_m() {
  SIM_MN=$((SIM_MN + 1))
  eval "SIM_MI_$SIM_MN=\$1 SIM_MP_$SIM_MN=\$2 SIM_MD_$SIM_MN=\$3 SIM_MR_$SIM_MN=\$4 SIM_MT_$SIM_MN=\$5 SIM_MRO_$SIM_MN=\$6 SIM_MFL_$SIM_MN=\$7"
  eval "SIM_MY_$SIM_MN=\$8 SIM_MS_$SIM_MN=\$9 SIM_SRO_$SIM_MN=\${10} SIM_SFL_$SIM_MN=\${11} SIM_SOP_$SIM_MN=\${12} SIM_MO_$SIM_MN=\${13}"
  eval "SIM_MYR_$SIM_MN=\${14} SIM_MSR_$SIM_MN=\${15} SIM_MK_$SIM_MN=\${16} SIM_MX_$SIM_MN=0"
}

# sim_mt_load: reads the table (entry 1, rootfs, when it is still empty) and the places of
# the pseudo filesystems.
sim_mt_load() {
  SIM_MN=0
  sim_pl_load
  # shellcheck disable=SC1091 # written by sim_mt_save
  [ -f "$SIM_STATE/mounts" ] && . "$SIM_STATE/mounts"
  if [ "$SIM_MN" = 0 ]; then
    sim_m 1 1 0:2 / / 0 '' rootfs rootfs 0 '' "$SIM_ROOTFS_OPTS" '' rootfs rootfs rootfs
  fi
  :
}

# sim_pfs_entry KIND: sets sim_pe to the live table entry that is the pseudo filesystem
# KIND; fails when the init has not mounted it (or has unmounted it).
sim_pfs_entry() {
  sim_pe=1
  while [ "$sim_pe" -le "$SIM_MN" ]; do
    eval "sim_pex=\$SIM_MX_$sim_pe sim_pek=\$SIM_MK_$sim_pe"
    [ "$sim_pex" = 0 ] && [ "$sim_pek" = "$1" ] && return 0
    sim_pe=$((sim_pe + 1))
  done
  return 1
}

# sim_pfs_claim TYPE TARGET: sets sim_pk to the pseudo filesystem a new mount of TYPE on
# TARGET stands for (empty for none): proc, sysfs, devtmpfs (or tmpfs) on the place where
# the harness's one is, or proc, sysfs, devtmpfs anywhere while it is unmounted. A second
# mount of the same type, while the first is still mounted, is only a table entry.
sim_pfs_claim() {
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
  eval "sim_pcp=\$SIM_PL_$sim_pk"
  if [ "$sim_pcp" = "$2" ] || { [ "$sim_pcp" = "$SIM_PFS_PARK/$sim_pk" ] && [ "$1" != tmpfs ]; }; then
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

# sim_rw RO: sets sim_rwv to ro or rw.
sim_rw() {
  if [ "$1" = 1 ]; then sim_rwv=ro; else sim_rwv=rw; fi
}

# sim_mt_save: writes the table, /proc/self/mountinfo and /proc/self/mounts, then moves the
# pseudo filesystems to match it.
sim_mt_save() {
  sim_ti=1
  sim_tout=
  sim_tinfo=
  sim_tproc=
  while [ "$sim_ti" -le "$SIM_MN" ]; do
    eval "sim_tx=\$SIM_MX_$sim_ti"
    if [ "$sim_tx" = 0 ]; then
      sim_tline=sim_m
      for sim_tf in MI MP MD MR MT MRO MFL MY MS SRO SFL SOP MO MYR MSR MK; do
        eval "sim_q \"\$SIM_${sim_tf}_$sim_ti\""
        sim_tline="$sim_tline $sim_qv"
      done
      sim_tout=$sim_tout$sim_tline$SIM_NL
      eval "sim_t1=\$SIM_MI_$sim_ti sim_t2=\$SIM_MP_$sim_ti sim_t3=\$SIM_MD_$sim_ti sim_t4=\$SIM_MR_$sim_ti sim_t5=\$SIM_MT_$sim_ti"
      eval "sim_t6=\$SIM_MRO_$sim_ti sim_t7=\$SIM_MFL_$sim_ti sim_t8=\$SIM_MY_$sim_ti sim_t9=\$SIM_MS_$sim_ti"
      eval "sim_t10=\$SIM_SRO_$sim_ti sim_t11=\$SIM_SFL_$sim_ti sim_t12=\$SIM_SOP_$sim_ti"
      sim_mesc "$sim_t4"
      sim_troot=$sim_me
      sim_mesc "$sim_t5"
      sim_ttarget=$sim_me
      sim_mesc "$sim_t9"
      sim_tsource=$sim_me
      sim_rw "$sim_t6"
      sim_tinfo="$sim_tinfo$sim_t1 $sim_t2 $sim_t3 $sim_troot $sim_ttarget $sim_rwv$sim_t7 - $sim_t8 $sim_tsource "
      sim_rw "$sim_t10"
      sim_tinfo="$sim_tinfo$sim_rwv$sim_t11$sim_t12$SIM_NL"
      sim_rw "$((sim_t6 | sim_t10))"
      sim_tproc="$sim_tproc$sim_tsource $sim_ttarget $sim_t8 $sim_rwv$sim_t11$sim_t7$sim_t12 0 0$SIM_NL"
    fi
    sim_ti=$((sim_ti + 1))
  done
  printf '%s' "$sim_tout" >"$SIM_STATE/mounts"
  printf '%s' "$sim_tinfo" >"$SIM_PFS/proc/self/mountinfo"
  printf '%s' "$sim_tproc" >"$SIM_PFS/proc/self/mounts"
  sim_disk_sync
  sim_pfs_sync
}

# sim_canon PATH: sets SIM_CANON to PATH made absolute (against $PWD) with its symbolic
# links resolved as the kernel would (in the fake root), and ., .. and repeated slashes
# removed; a missing component and what follows are taken lexically. Fails (ELOOP) after
# 40 links.
sim_canon() {
  case $1 in
    /*) sim_cr=$1 ;;
    *) sim_cr=$PWD/$1 ;;
  esac
  SIM_CANON=
  sim_cl=0
  while [ -n "$sim_cr" ]; do
    case $sim_cr in
      */*) sim_cc=${sim_cr%%/*} sim_cr=${sim_cr#*/} ;;
      *) sim_cc=$sim_cr sim_cr= ;;
    esac
    case $sim_cc in
      '' | .) continue ;;
      ..) SIM_CANON=${SIM_CANON%/*}; continue ;;
    esac
    if [ -L "$SIM_CANON/$sim_cc" ]; then
      sim_cl=$((sim_cl + 1))
      [ "$sim_cl" -le 40 ] || return 1
      sim_ct=$("$SIM_BB" readlink "$SIM_CANON/$sim_cc")
      case $sim_ct in /*) SIM_CANON= ;; esac
      sim_cr=$sim_ct/$sim_cr
    else
      SIM_CANON=$SIM_CANON/$sim_cc
    fi
  done
  SIM_CANON=${SIM_CANON:-/}
}

# sim_mt_cover PATH: sets SIM_MC to the entry PATH (absolute, canonical) resolves into: the
# mount on /, then at each step of the path the topmost mount on that place that sits on the
# mount reached so far (so a mount hidden under a later one on a parent is skipped).
sim_mt_cover() {
  SIM_MC=1
  sim_vp=/
  sim_vr=${1#/}
  while :; do
    sim_vmoved=1
    while [ "$sim_vmoved" = 1 ]; do
      sim_vmoved=0
      eval "sim_vid=\$SIM_MI_$SIM_MC"
      sim_vj=2
      while [ "$sim_vj" -le "$SIM_MN" ]; do
        eval "sim_vx=\$SIM_MX_$sim_vj sim_vt=\$SIM_MT_$sim_vj sim_vpar=\$SIM_MP_$sim_vj"
        if [ "$sim_vx" = 0 ] && [ "$sim_vt" = "$sim_vp" ] && [ "$sim_vpar" = "$sim_vid" ]; then
          SIM_MC=$sim_vj
          sim_vmoved=1
          break
        fi
        sim_vj=$((sim_vj + 1))
      done
    done
    [ -n "$sim_vr" ] || break
    case $sim_vr in
      */*) sim_vc=${sim_vr%%/*} sim_vr=${sim_vr#*/} ;;
      *) sim_vc=$sim_vr sim_vr= ;;
    esac
    [ -n "$sim_vc" ] || continue
    sim_vp=${sim_vp%/}/$sim_vc
  done
}

# sim_mt_is_root PATH: succeeds when the canonical PATH is the root of the mount it resolves
# into (a mount point), setting SIM_MC to that entry.
sim_mt_is_root() {
  sim_mt_cover "$1"
  eval "[ \"\$SIM_MT_$SIM_MC\" = \"\$1\" ]"
}

# sim_on_disk PATH: succeeds when the canonical PATH lies on a mounted block device, whose
# contents the simulation does not model: any directory there is taken to exist.
sim_on_disk() {
  sim_mt_cover "$1"
  eval "sim_odd=\$SIM_MD_$SIM_MC sim_odk=\$SIM_MK_$SIM_MC"
  case $sim_odd in 0:*) return 1 ;; esac
  # A filesystem whose files are modelled holds only those.
  case $sim_odk in d* | r:*) return 1 ;; esac
  return 0
}

# sim_lookup_path PATH [dir]: the kernel's lookup of a path: sets SIM_CANON, and SIM_ERR to
# the error (empty when found): "No such file or directory" when it does not exist (not
# checked on a mounted disk), "Not a directory" when a directory is required and it is not.
sim_lookup_path() {
  SIM_ERR=
  if ! sim_canon "$1"; then
    SIM_ERR='Too many levels of symbolic links'
    return 1
  fi
  if [ -e "$SIM_CANON" ]; then
    if [ "${2-}" = dir ] && [ ! -d "$SIM_CANON" ]; then
      SIM_ERR='Not a directory'
      return 1
    fi
    return 0
  fi
  sim_on_disk "$SIM_CANON" && return 0
  SIM_ERR='No such file or directory'
  return 1
}

# sim_is_dir PATH: succeeds when the canonical PATH is a directory (or is missing on a mounted
# disk, where it is taken to be one).
sim_is_dir() {
  [ -d "$1" ] && return 0
  [ -e "$1" ] && return 1
  sim_on_disk "$1"
}

# sim_same_kind A B: succeeds when A and B are both directories or both not (a bind or a
# move must not put a directory on a file, or a file on a directory).
sim_same_kind() {
  sim_sk1=0
  sim_is_dir "$1" && sim_sk1=1
  sim_sk2=0
  sim_is_dir "$2" && sim_sk2=1
  [ "$sim_sk1" = "$sim_sk2" ]
}

# sim_new_id: sets sim_nid to the lowest mount ID not in use (from 21).
sim_new_id() {
  sim_nid=21
  sim_ni=1
  while [ "$sim_ni" -le "$SIM_MN" ]; do
    eval "sim_nx=\$SIM_MX_$sim_ni sim_nv=\$SIM_MI_$sim_ni"
    if [ "$sim_nx" = 0 ] && [ "$sim_nv" = "$sim_nid" ]; then
      sim_nid=$((sim_nid + 1))
      sim_ni=1
      continue
    fi
    sim_ni=$((sim_ni + 1))
  done
}

# sim_new_anon: sets sim_nanon to the lowest anonymous device 0:N not in use (from 0:19:
# the kernel's own filesystems hold the lower ones).
sim_new_anon() {
  sim_nan=19
  sim_ni=1
  while [ "$sim_ni" -le "$SIM_MN" ]; do
    eval "sim_nx=\$SIM_MX_$sim_ni sim_nv=\$SIM_MD_$sim_ni"
    if [ "$sim_nx" = 0 ] && [ "$sim_nv" = "0:$sim_nan" ]; then
      sim_nan=$((sim_nan + 1))
      sim_ni=1
      continue
    fi
    sim_ni=$((sim_ni + 1))
  done
  sim_nanon=0:$sim_nan
}

# sim_subtree ENTRY: sets sim_sub to the entries of the mount ENTRY and of every mount below
# it (by parent), " 3 5 8 ".
sim_subtree() {
  eval "sim_sbid=\$SIM_MI_$1"
  sim_sub=" $1 "
  sim_sbids=" $sim_sbid "
  sim_sbmore=1
  while [ "$sim_sbmore" = 1 ]; do
    sim_sbmore=0
    sim_sbi=2
    while [ "$sim_sbi" -le "$SIM_MN" ]; do
      eval "sim_sbx=\$SIM_MX_$sim_sbi sim_sbp=\$SIM_MP_$sim_sbi sim_sbv=\$SIM_MI_$sim_sbi"
      case $sim_sub in *" $sim_sbi "*) sim_sbx=1 ;; esac
      if [ "$sim_sbx" = 0 ]; then
        case $sim_sbids in
          *" $sim_sbp "*)
            sim_sub="$sim_sub$sim_sbi "
            sim_sbids="$sim_sbids$sim_sbv "
            sim_sbmore=1
            ;;
        esac
      fi
      sim_sbi=$((sim_sbi + 1))
    done
  done
}

# sim_has_children ENTRY: succeeds when a live mount sits on the mount ENTRY.
sim_has_children() {
  eval "sim_hcid=\$SIM_MI_$1"
  sim_hci=2
  while [ "$sim_hci" -le "$SIM_MN" ]; do
    eval "sim_hcx=\$SIM_MX_$sim_hci sim_hcp=\$SIM_MP_$sim_hci"
    [ "$sim_hcx" = 0 ] && [ "$sim_hcp" = "$sim_hcid" ] && [ "$sim_hci" != "$1" ] && return 0
    sim_hci=$((sim_hci + 1))
  done
  return 1
}

# sim_fs_fits KTYPE DEVTYPE: succeeds when the kernel's filesystem KTYPE mounts a device whose
# contents blkid calls DEVTYPE (ext4's driver also mounts ext2 and ext3).
sim_fs_fits() {
  [ -n "$2" ] || return 1
  [ "$1" = "$2" ] && return 0
  case $1:$2 in
    ext4:ext2 | ext4:ext3 | ntfs3:ntfs) return 0 ;;
  esac
  return 1
}

# sim_fs_readonly TYPE: succeeds for filesystems that are always read-only.
sim_fs_readonly() {
  case $1 in squashfs | iso9660 | erofs | cramfs | romfs) return 0 ;; esac
  return 1
}

# sim_memparse VALUE: sets sim_mpv to VALUE (a number, 0x… hex or 0… octal, with an optional
# k/m/g/t/p/e suffix) in bytes and sim_mprest to what follows it; fails when it starts with
# no number.
sim_memparse() {
  sim_mpn=${1%%[!0-9A-Fa-fx]*}
  sim_mprest=${1#"$sim_mpn"}
  case $sim_mpn in
    '') return 1 ;;
    0[xX]*) case ${sim_mpn#0[xX]} in '' | *[!0-9A-Fa-f]*) return 1 ;; esac ;;
    *[!0-9]*)
      sim_mpn=${1%%[!0-9]*}
      sim_mprest=${1#"$sim_mpn"}
      [ -n "$sim_mpn" ] || return 1
      ;;
  esac
  case $sim_mpn in
    0[xX]*) ;;
    0*[89]*) return 1 ;;
  esac
  sim_mpv=$((sim_mpn))
  case $sim_mprest in
    [kK]*) sim_mpv=$((sim_mpv << 10)) sim_mprest=${sim_mprest#?} ;;
    [mM]*) sim_mpv=$((sim_mpv << 20)) sim_mprest=${sim_mprest#?} ;;
    [gG]*) sim_mpv=$((sim_mpv << 30)) sim_mprest=${sim_mprest#?} ;;
    [tT]*) sim_mpv=$((sim_mpv << 40)) sim_mprest=${sim_mprest#?} ;;
    [pP]*) sim_mpv=$((sim_mpv << 50)) sim_mprest=${sim_mprest#?} ;;
    [eE]*) sim_mpv=$((sim_mpv << 60)) sim_mprest=${sim_mprest#?} ;;
  esac
}

# sim_fs_options TYPE DATA: checks the filesystem options DATA (what busybox passes to
# mount(2): the -o options it does not know itself) the way TYPE's driver does, and sets
# sim_fso to what the kernel then shows after rw/ro (",size=433148k,inode64"). Fails
# (EINVAL) on an option or value the driver refuses. tmpfs, ramfs, proc, sysfs, devpts,
# overlay and ext2/3/4 are checked; other filesystems take any option.
sim_fs_options() {
  sim_fso=
  sim_fsz='' sim_fsi='' sim_fsm='' sim_fsu='' sim_fsg='' sim_fsh='' sim_fsl='' sim_fsup='' sim_fswk=''
  sim_fsre=0
  if [ "$1" = tmpfs ] && [ $# -ge 3 ]; then
    # A remount: what the superblock shows stays, except what DATA changes (tmpfs keeps its
    # mode, uid and gid: shmem_reconfigure does not apply them).
    sim_fsre=1
    sim_fsr=${3#,},
    while [ -n "$sim_fsr" ]; do
      sim_fsopt=${sim_fsr%%,*}
      sim_fsr=${sim_fsr#*,}
      case $sim_fsopt in
        size=*k)
          sim_fsv=${sim_fsopt#size=}
          sim_fsz=$((${sim_fsv%k} / 4))
          ;;
        nr_inodes=*) sim_fsi=${sim_fsopt#nr_inodes=} ;;
        mode=*) sim_fsm=${sim_fsopt#mode=} ;;
        uid=*) sim_fsu=${sim_fsopt#uid=} ;;
        gid=*) sim_fsg=${sim_fsopt#gid=} ;;
        huge=*) sim_fsh=${sim_fsopt#huge=} ;;
        inode32) sim_fsl=inode32 ;;
      esac
    done
  fi
  sim_fsr=$2,
  while [ -n "$sim_fsr" ]; do
    sim_fsopt=${sim_fsr%%,*}
    sim_fsr=${sim_fsr#*,}
    [ -n "$sim_fsopt" ] || continue
    sim_fsk=${sim_fsopt%%=*}
    sim_fsv=
    case $sim_fsopt in *=*) sim_fsv=${sim_fsopt#*=} ;; esac
    case $1 in
      tmpfs)
        case $sim_fsk in
          size | nr_blocks)
            sim_memparse "$sim_fsv" || return 1
            if [ "$sim_fsk" = size ] && [ "$sim_mprest" = % ]; then
              sim_mpv=$(((sim_mpv << 12) * SIM_TOTAL_PAGES / 100))
              sim_mprest=
            fi
            [ -z "$sim_mprest" ] || return 1
            if [ "$sim_fsk" = size ]; then sim_fsz=$(((sim_mpv + 4095) / 4096)); else sim_fsz=$sim_mpv; fi
            ;;
          nr_inodes)
            sim_memparse "$sim_fsv" || return 1
            [ -z "$sim_mprest" ] || return 1
            sim_fsi=$sim_mpv
            ;;
          mode)
            case $sim_fsv in '' | *[!0-7]*) return 1 ;; esac
            [ "$sim_fsre" = 1 ] || sim_fsm=$(printf '%03o' "$((0$sim_fsv & 07777))")
            ;;
          uid | gid)
            case $sim_fsv in '' | *[!0-9]*) return 1 ;; esac
            [ "$sim_fsre" = 1 ] && continue
            if [ "$sim_fsk" = uid ]; then sim_fsu=$sim_fsv; else sim_fsg=$sim_fsv; fi
            ;;
          huge)
            case $sim_fsv in never | always | within_size | advise | deny | force) sim_fsh=$sim_fsv ;; *) return 1 ;; esac
            ;;
          mpol) [ -n "$sim_fsv" ] || return 1 ;;
          inode32 | inode64) [ "$sim_fsopt" = "$sim_fsk" ] || return 1; sim_fsl=$sim_fsk ;;
          *) return 1 ;;
        esac
        ;;
      ramfs)
        [ "$sim_fsk" = mode ] && { case $sim_fsv in '' | *[!0-7]*) return 1 ;; esac; sim_fsm=$(printf '%03o' "$((0$sim_fsv & 07777))"); }
        ;;
      proc)
        case $sim_fsk in
          hidepid | gid | subset) [ -n "$sim_fsv" ] || return 1; sim_fso="$sim_fso,$sim_fsopt" ;;
          *) return 1 ;;
        esac
        ;;
      sysfs) return 1 ;;
      devpts)
        case $sim_fsk in
          uid | gid | mode | ptmxmode | max) [ -n "$sim_fsv" ] || return 1 ;;
          newinstance) ;;
          *) return 1 ;;
        esac
        ;;
      overlay)
        case $sim_fsk in
          lowerdir) sim_fsl=$sim_fsv ;;
          upperdir) sim_fsup=$sim_fsv ;;
          workdir) sim_fswk=$sim_fsv ;;
          redirect_dir | index | uuid | nfs_export | xino | metacopy | volatile | userxattr | default_permissions) ;;
          *) return 1 ;;
        esac
        sim_fso="$sim_fso,$sim_fsopt"
        ;;
      ext2 | ext3 | ext4)
        case $sim_fsk in
          errors | data | commit | barrier | nobarrier | discard | nodiscard | noload | norecovery | user_xattr | nouser_xattr | \
            acl | noacl | journal_checksum | nojournal_checksum | journal_async_commit | delalloc | nodelalloc | auto_da_alloc | \
            noauto_da_alloc | dioread_nolock | dioread_lock | init_itable | noinit_itable | stripe | resuid | resgid | sb | quota | \
            noquota | usrquota | grpquota | prjquota | usrjquota | grpjquota | jqfmt | i_version | dax | max_batch_time | \
            min_batch_time | journal_ioprio | inode_readahead_blks | block_validity | noblock_validity | debug | oldalloc | orlov | \
            grpid | bsdgroups | nogrpid | sysvgroups | data_err | mb_optimize_scan | inlinecrypt | nombcache | \
            prefetch_block_bitmaps | no_prefetch_block_bitmaps | journal_path | journal_dev | abort | test_dummy_encryption | \
            bh | nobh | minixdf | bsddf | nouid32 | grpquota_path)
            sim_fso="$sim_fso,$sim_fsopt"
            ;;
          *) return 1 ;;
        esac
        ;;
      *) sim_fso="$sim_fso,$sim_fsopt" ;;
    esac
  done
  case $1 in
    tmpfs)
      [ -n "$sim_fsz" ] && [ "$sim_fsz" != "$((SIM_TOTAL_PAGES / 2))" ] && sim_fso="$sim_fso,size=$((sim_fsz * 4))k"
      [ -n "$sim_fsi" ] && [ "$sim_fsi" != "$((SIM_TOTAL_PAGES / 2))" ] && sim_fso="$sim_fso,nr_inodes=$sim_fsi"
      [ -n "$sim_fsm" ] && [ "$sim_fsm" != 1777 ] && sim_fso="$sim_fso,mode=$sim_fsm"
      [ -n "$sim_fsu" ] && [ "$sim_fsu" != 0 ] && sim_fso="$sim_fso,uid=$sim_fsu"
      [ -n "$sim_fsg" ] && [ "$sim_fsg" != 0 ] && sim_fso="$sim_fso,gid=$sim_fsg"
      [ -n "$sim_fsh" ] && [ "$sim_fsh" != never ] && sim_fso="$sim_fso,huge=$sim_fsh"
      [ "$sim_fsl" = inode32 ] || sim_fso="$sim_fso,inode64"
      ;;
    ramfs) [ -n "$sim_fsm" ] && [ "$sim_fsm" != 755 ] && sim_fso="$sim_fso,mode=$sim_fsm" ;;
    devpts) sim_fso=",mode=600,ptmxmode=000" ;;
    overlay)
      [ -n "$sim_fsl" ] || return 1
      [ -z "$sim_fsup" ] || [ -n "$sim_fswk" ] || return 1
      ;;
  esac
  return 0
}

# sim_overlay_dirs: checks that the directories of the overlay options just read exist
# (sets SIM_ERR; fails when one does not).
sim_overlay_dirs() {
  sim_odr=$sim_fsl:
  while [ -n "$sim_odr" ]; do
    sim_odd=${sim_odr%%:*}
    sim_odr=${sim_odr#*:}
    [ -n "$sim_odd" ] || continue
    sim_lookup_path "$sim_odd" dir || return 1
  done
  for sim_odd in "$sim_fsup" "$sim_fswk"; do
    [ -n "$sim_odd" ] || continue
    sim_lookup_path "$sim_odd" dir || return 1
  done
  return 0
}

# sim_bb_options OPTS: reads a mount option list the way busybox's parse_mount_options does
# (its own names in any case, each setting or clearing its flag in order; anything else
# goes, in order, to the filesystem). Sets the sim_f* flags (RO NOSUID NODEV NOEXEC SYNC
# DIRSYNC NOATIME NODIRATIME RELATIME STRICT LAZY NOSYMF MAND BIND REC MOVE REMOUNT PROP
# NOFAIL W) and sim_fdata.
sim_bb_options() {
  sim_fRO=0 sim_fNOSUID=0 sim_fNODEV=0 sim_fNOEXEC=0 sim_fSYNC=0 sim_fDIRSYNC=0 sim_fNOATIME=0 sim_fNODIRATIME=0
  sim_fRELATIME=0 sim_fSTRICT=0 sim_fLAZY=0 sim_fNOSYMF=0 sim_fMAND=0 sim_fBIND=0 sim_fREC=0 sim_fMOVE=0
  sim_fREMOUNT=0 sim_fPROP=0 sim_fNOFAIL=0 sim_fW=0 sim_fdata=
  sim_for=$1,
  while [ -n "$sim_for" ]; do
    sim_fo=${sim_for%%,*}
    sim_for=${sim_for#*,}
    sim_lower "$sim_fo"
    case $SIM_LOWER in
      loop | defaults | noauto | sw | swap | user | users | _netdev | comment=*) ;;
      nofail) sim_fNOFAIL=1 ;;
      nosuid) sim_fNOSUID=1 ;;
      suid) sim_fNOSUID=0 ;;
      dev) sim_fNODEV=0 ;;
      nodev) sim_fNODEV=1 ;;
      exec) sim_fNOEXEC=0 ;;
      noexec) sim_fNOEXEC=1 ;;
      sync) sim_fSYNC=1 ;;
      dirsync) sim_fDIRSYNC=1 ;;
      async) sim_fSYNC=0 ;;
      atime) sim_fNOATIME=0 ;;
      noatime) sim_fNOATIME=1 ;;
      diratime) sim_fNODIRATIME=0 ;;
      nodiratime) sim_fNODIRATIME=1 ;;
      relatime) sim_fRELATIME=1 ;;
      norelatime) sim_fRELATIME=0 ;;
      strictatime) sim_fSTRICT=1 ;;
      nostrictatime) sim_fSTRICT=0 ;;
      lazytime) sim_fLAZY=1 ;;
      nolazytime) sim_fLAZY=0 ;;
      nosymfollow) sim_fNOSYMF=1 ;;
      mand) sim_fMAND=1 ;;
      nomand) sim_fMAND=0 ;;
      loud) ;;
      rbind) sim_fBIND=1 sim_fREC=1 ;;
      bind) sim_fBIND=1 ;;
      move) sim_fMOVE=1 ;;
      make-shared | make-slave | make-private | make-unbindable) sim_fPROP=1 ;;
      make-rshared | make-rslave | make-rprivate | make-runbindable) sim_fPROP=1 sim_fREC=1 ;;
      ro) sim_fRO=1 ;;
      rw) sim_fRO=0 sim_fW=1 ;;
      remount) sim_fREMOUNT=1 ;;
      '') ;;
      *) sim_fdata=${sim_fdata:+$sim_fdata,}$sim_fo ;;
    esac
  done
}

# sim_mnt_flags [OLD_MFL]: sets sim_nmfl to the per-mount flags the kernel derives from the
# sim_f* flags (relatime unless noatime or strictatime; a remount naming no atime option
# keeps OLD_MFL's), and sim_nsfl to the superblock's (",sync,dirsync,mand,lazytime").
sim_mnt_flags() {
  sim_nmfl=
  [ "$sim_fNOSUID" = 1 ] && sim_nmfl="$sim_nmfl,nosuid"
  [ "$sim_fNODEV" = 1 ] && sim_nmfl="$sim_nmfl,nodev"
  [ "$sim_fNOEXEC" = 1 ] && sim_nmfl="$sim_nmfl,noexec"
  if [ "$sim_fREMOUNT" = 1 ] && [ "$sim_fNOATIME$sim_fNODIRATIME$sim_fRELATIME$sim_fSTRICT" = 0000 ]; then
    case ${1-} in *,noatime*) sim_nmfl="$sim_nmfl,noatime" ;; esac
    case ${1-} in *,nodiratime*) sim_nmfl="$sim_nmfl,nodiratime" ;; esac
    case ${1-} in *,relatime*) sim_nmfl="$sim_nmfl,relatime" ;; esac
  else
    [ "$sim_fNOATIME" = 1 ] && [ "$sim_fSTRICT" = 0 ] && sim_nmfl="$sim_nmfl,noatime"
    [ "$sim_fNODIRATIME" = 1 ] && sim_nmfl="$sim_nmfl,nodiratime"
    [ "$sim_fNOATIME" = 0 ] && [ "$sim_fSTRICT" = 0 ] && sim_nmfl="$sim_nmfl,relatime"
  fi
  [ "$sim_fNOSYMF" = 1 ] && sim_nmfl="$sim_nmfl,nosymfollow"
  sim_nsfl=
  [ "$sim_fSYNC" = 1 ] && sim_nsfl="$sim_nsfl,sync"
  [ "$sim_fDIRSYNC" = 1 ] && sim_nsfl="$sim_nsfl,dirsync"
  [ "$sim_fMAND" = 1 ] && sim_nsfl="$sim_nsfl,mand"
  [ "$sim_fLAZY" = 1 ] && sim_nsfl="$sim_nsfl,lazytime"
  :
}

# sim_kmount SOURCE TARGET TYPE: mount(2) with the sim_f* flags and sim_fdata, as Linux 6.1
# does it (fs/namespace.c path_mount): a remount, a bind (recursive with REC), a change of
# propagation, a move, or a new mount. Sets SIM_ERR to the error ("" on success) and updates
# the loaded table. sim_given, sim_rsrc are what the result reports.
sim_kmount() {
  SIM_ERR=
  sim_kt=$3
  # The target: it must exist (on a mounted disk everything does).
  sim_lookup_path "$2" || return 1
  sim_ktgt=$SIM_CANON
  if [ "$sim_fREMOUNT" = 1 ]; then
    if ! sim_mt_is_root "$sim_ktgt"; then
      SIM_ERR='Invalid argument'
      return 1
    fi
    sim_ke=$SIM_MC
    eval "sim_kofl=\$SIM_MFL_$sim_ke sim_kdev=\$SIM_MD_$sim_ke sim_kty=\$SIM_MY_$sim_ke"
    sim_mnt_flags "$sim_kofl"
    if [ "$sim_fBIND" = 0 ]; then
      # The superblock: every mount of it shows the change.
      sim_kso=
      if [ -n "$sim_fdata" ]; then
        eval "sim_kosop=\$SIM_SOP_$sim_ke"
        if ! sim_fs_options "$sim_kty" "$sim_fdata" "$sim_kosop"; then
          SIM_ERR='Invalid argument'
          return 1
        fi
        sim_kso=$sim_fso
      fi
      sim_ki=1
      while [ "$sim_ki" -le "$SIM_MN" ]; do
        eval "sim_kx=\$SIM_MX_$sim_ki sim_kd=\$SIM_MD_$sim_ki"
        if [ "$sim_kx" = 0 ] && [ "$sim_kd" = "$sim_kdev" ]; then
          eval "SIM_SRO_$sim_ki=\$sim_fRO SIM_SFL_$sim_ki=\$sim_nsfl"
          [ -n "$sim_kso" ] && eval "SIM_SOP_$sim_ki=\$sim_kso"
        fi
        sim_ki=$((sim_ki + 1))
      done
    fi
    eval "SIM_MRO_$sim_ke=\$sim_fRO SIM_MFL_$sim_ke=\$sim_nmfl"
    [ -n "$sim_given" ] && eval "SIM_MO_$sim_ke=\$sim_given"
    return 0
  fi
  if [ "$sim_fBIND" = 1 ]; then
    sim_lookup_path "$1" || return 1
    sim_ksrc=$SIM_CANON
    if ! sim_same_kind "$sim_ksrc" "$sim_ktgt"; then
      SIM_ERR='Not a directory'
      return 1
    fi
    sim_mt_cover "$sim_ksrc"
    sim_kfrom=$SIM_MC
    sim_mt_cover "$sim_ktgt"
    eval "sim_kpar=\$SIM_MI_$SIM_MC"
    sim_kbind "$sim_kfrom" "$sim_ksrc" "$sim_ktgt" "$sim_kpar"
    # A bind of what a modelled filesystem holds shows it at the target (sim_disk_sync).
    sim_disk_under "$sim_ksrc" && eval "SIM_MK_$SIM_MN=\"r:\$sim_ksrc\""
    if [ "$sim_fREC" = 1 ]; then
      # Every mount below the source comes along, at the same place below the target, on the
      # copy of its parent (sim_kmap: " OLD_ID=NEW_ID …").
      eval "sim_kmap=\" \$SIM_MI_$sim_kfrom=\$sim_nid \""
      sim_subtree "$sim_kfrom"
      for sim_kj in $sim_sub; do
        [ "$sim_kj" = "$sim_kfrom" ] && continue
        eval "sim_kjt=\$SIM_MT_$sim_kj sim_kjp=\$SIM_MP_$sim_kj"
        case $sim_kjt in
          "$sim_ksrc"/*) ;;
          *) continue ;;
        esac
        case $sim_kmap in
          *" $sim_kjp="*) ;;
          *) continue ;;
        esac
        sim_knp=${sim_kmap##*" $sim_kjp="}
        sim_knp=${sim_knp%% *}
        sim_kbind "$sim_kj" "$sim_kjt" "$sim_ktgt${sim_kjt#"$sim_ksrc"}" "$sim_knp"
        eval "sim_kjid=\$SIM_MI_$sim_kj"
        sim_kmap="$sim_kmap$sim_kjid=$sim_nid "
      done
    fi
    return 0
  fi
  if [ "$sim_fPROP" = 1 ]; then
    sim_mt_is_root "$sim_ktgt" && return 0
    SIM_ERR='Invalid argument'
    return 1
  fi
  if [ "$sim_fMOVE" = 1 ]; then
    sim_lookup_path "$1" || return 1
    sim_ksrc=$SIM_CANON
    if ! sim_mt_is_root "$sim_ksrc" || [ "$SIM_MC" = 1 ]; then
      SIM_ERR='Invalid argument'
      return 1
    fi
    sim_kfrom=$SIM_MC
    if ! sim_same_kind "$sim_ksrc" "$sim_ktgt"; then
      SIM_ERR='Not a directory'
      return 1
    fi
    sim_subtree "$sim_kfrom"
    sim_mt_cover "$sim_ktgt"
    case $sim_sub in
      *" $SIM_MC "*)
        SIM_ERR='Too many levels of symbolic links'
        return 1
        ;;
    esac
    eval "sim_kpar=\$SIM_MI_$SIM_MC"
    # Like the kernel, the moved mounts go to the end of the list, in their order.
    sim_kmlast=$SIM_MN
    sim_ki=1
    while [ "$sim_ki" -le "$sim_kmlast" ]; do
      case $sim_sub in
        *" $sim_ki "*)
          eval "sim_kit=\$SIM_MT_$sim_ki"
          eval "SIM_MX_$sim_ki=1"
          sim_kcopy "$sim_ki"
          if [ "$sim_kit" = "$sim_ksrc" ]; then
            eval "SIM_MT_$SIM_MN=\$sim_ktgt SIM_MP_$SIM_MN=\$sim_kpar"
          elif [ "$sim_ksrc" = / ]; then
            eval "SIM_MT_$SIM_MN=\$sim_ktgt\$sim_kit"
          else
            eval "SIM_MT_$SIM_MN=\$sim_ktgt\${sim_kit#\"\$sim_ksrc\"}"
          fi
          ;;
      esac
      sim_ki=$((sim_ki + 1))
    done
    return 0
  fi
  # A new mount.
  sim_kcontent=''
  if ! sim_fs_known "$sim_kt"; then
    SIM_ERR='No such device'
    return 1
  fi
  if ! sim_is_dir "$sim_ktgt"; then
    SIM_ERR='Not a directory'
    return 1
  fi
  sim_kro=$sim_fRO
  if sim_fs_nodev "$sim_kt"; then
    if [ "$sim_kt" = devtmpfs ]; then
      sim_fso=$SIM_DEVTMPFS_OPTS
    elif ! sim_fs_options "$sim_kt" "$sim_fdata"; then
      SIM_ERR='Invalid argument'
      return 1
    fi
    if [ "$sim_kt" = overlay ]; then
      sim_overlay_dirs || return 1
    fi
    sim_kdev=
    case $sim_kt in
      devtmpfs) sim_kdev=0:5 ;;
      sysfs)
        sim_ki=2
        while [ "$sim_ki" -le "$SIM_MN" ]; do
          eval "sim_kx=\$SIM_MX_$sim_ki sim_ky=\$SIM_MY_$sim_ki"
          if [ "$sim_kx" = 0 ] && [ "$sim_ky" = sysfs ]; then
            eval "sim_kdev=\$SIM_MD_$sim_ki"
            break
          fi
          sim_ki=$((sim_ki + 1))
        done
        ;;
    esac
    if [ -z "$sim_kdev" ]; then
      sim_new_anon
      sim_kdev=$sim_nanon
    fi
    sim_kname=$1
  else
    # A filesystem on a block device: the source must be one, holding that filesystem.
    sim_lookup_path "$1" || return 1
    sim_kname=$1
    if ! sim_lookup "$SIM_CANON"; then
      SIM_ERR='Block device required'
      return 1
    fi
    sim_kdev=$SIM_DEVNO
    # A filesystem whose contents the scenario gives shows them at the mount point (sim_disk_sync).
    [ "$SIM_IDX" != - ] && [ -d "$SIM_DISKS/$SIM_IDX" ] && sim_kcontent=d$SIM_IDX
    D_TYPE=
    [ "$SIM_IDX" = - ] || sim_dev "$SIM_IDX"
    if ! sim_fs_fits "$sim_kt" "$D_TYPE"; then
      SIM_ERR='Invalid argument'
      return 1
    fi
    if ! sim_fs_options "$sim_kt" "$sim_fdata"; then
      SIM_ERR='Invalid argument'
      return 1
    fi
    sim_fs_readonly "$sim_kt" && sim_kro=1
  fi
  sim_mnt_flags
  sim_mt_cover "$sim_ktgt"
  eval "sim_kpar=\$SIM_MI_$SIM_MC"
  sim_new_id
  sim_pfs_claim "$sim_kt" "$sim_ktgt"
  [ -z "$sim_pk" ] && sim_pk=$sim_kcontent
  sim_m "$sim_nid" "$sim_kpar" "$sim_kdev" / "$sim_ktgt" "$sim_fRO" "$sim_nmfl" "$sim_kt" "$sim_kname" "$sim_kro" "$sim_nsfl" "$sim_fso" \
    "$sim_given" "$sim_kt" "$sim_rsrc" "$sim_pk"
  return 0
}

# sim_kcopy ENTRY: appends a copy of ENTRY to the table (sim_m), with its ID and fields.
sim_kcopy() {
  eval "sim_m \"\$SIM_MI_$1\" \"\$SIM_MP_$1\" \"\$SIM_MD_$1\" \"\$SIM_MR_$1\" \"\$SIM_MT_$1\" \"\$SIM_MRO_$1\" \"\$SIM_MFL_$1\" \
    \"\$SIM_MY_$1\" \"\$SIM_MS_$1\" \"\$SIM_SRO_$1\" \"\$SIM_SFL_$1\" \"\$SIM_SOP_$1\" \"\$SIM_MO_$1\" \"\$SIM_MYR_$1\" \"\$SIM_MSR_$1\" \"\$SIM_MK_$1\""
}

# sim_kbind FROM PATH TARGET PARENT: adds a bind mount of PATH (on the mount FROM) at TARGET,
# on the mount PARENT: the same superblock, ROOT the path inside it, the same per-mount
# flags. Sets sim_nid to its ID.
sim_kbind() {
  eval "sim_kbt=\$SIM_MT_$1 sim_kbr=\$SIM_MR_$1"
  sim_kbrel=${2#"$sim_kbt"}
  [ "$sim_kbt" = / ] && sim_kbrel=$2
  sim_kbpath=${sim_kbr%/}$sim_kbrel
  sim_new_id
  eval "sim_m \"\$sim_nid\" \"\$4\" \"\$SIM_MD_$1\" \"\${sim_kbpath:-/}\" \"\$3\" \"\$SIM_MRO_$1\" \"\$SIM_MFL_$1\" \"\$SIM_MY_$1\" \"\$SIM_MS_$1\" \
    \"\$SIM_SRO_$1\" \"\$SIM_SFL_$1\" \"\$SIM_SOP_$1\" \"\$sim_given\" none \"\$2\" ''"
}

# sim_kumount PATH LAZY: umount2(2): the mount must be there (EINVAL) and have nothing mounted
# on it (EBUSY) unless LAZY is 1, which takes those along. Unmounting / (the rootfs) remounts
# it read-only, as the kernel does for the caller's root. Sets SIM_ERR.
sim_kumount() {
  SIM_ERR=
  sim_lookup_path "$1" || return 1
  if ! sim_mt_is_root "$SIM_CANON"; then
    SIM_ERR='Invalid argument'
    return 1
  fi
  sim_ue=$SIM_MC
  if [ "$sim_ue" = 1 ]; then
    SIM_SRO_1=1
    return 0
  fi
  if [ "$2" != 1 ] && sim_has_children "$sim_ue"; then
    SIM_ERR='Device or resource busy'
    return 1
  fi
  sim_subtree "$sim_ue"
  for sim_uj in $sim_sub; do
    eval "SIM_MX_$sim_uj=1"
  done
  return 0
}

# sim_mntent_read FILE: reads a mount table file (fstab, /proc/mounts) the way getmntent
# does: fields separated by blanks, \040-style escapes, # comments. Sets sim_en (count) and
# sim_ef_i, sim_ed_i, sim_et_i, sim_eo_i (fsname, dir, type, options); fails when FILE
# cannot be read.
sim_mntent_read() {
  sim_en=0
  [ -r "$1" ] || return 1
  while read -r sim_e1 sim_e2 sim_e3 sim_e4 _; do
    case $sim_e1 in '' | '#'*) continue ;; esac
    sim_en=$((sim_en + 1))
    for sim_ev in sim_e1 sim_e2 sim_e3 sim_e4; do
      eval "sim_eraw=\$$sim_ev"
      case $sim_eraw in
        *\\[0-7][0-7][0-7]*) sim_eraw=$(printf '%b' "$(printf '%s' "$sim_eraw" | "$SIM_BB" sed 's/\\\([0-7][0-7][0-7]\)/\\0\1/g')") ;;
      esac
      eval "$sim_ev=\$sim_eraw"
    done
    eval "sim_ef_$sim_en=\$sim_e1 sim_ed_$sim_en=\$sim_e2 sim_et_$sim_en=\$sim_e3 sim_eo_$sim_en=\${sim_e4:-rw}"
  done <"$1"
  return 0
}

# sim_opt_append LIST OPTS: sets sim_oa to LIST with each option of OPTS that LIST does not
# have yet appended (busybox's append_mount_options).
sim_opt_append() {
  sim_oa=$1
  sim_oar=$2,
  while [ -n "$sim_oar" ]; do
    sim_oo=${sim_oar%%,*}
    sim_oar=${sim_oar#*,}
    [ -n "$sim_oo" ] || continue
    case ,$sim_oa, in
      *",$sim_oo,"*) ;;
      *) sim_oa=${sim_oa:+$sim_oa,}$sim_oo ;;
    esac
  done
}

# sim_fslist: sets sim_fsl_list to the filesystem types busybox tries without -t: the lines
# of /etc/filesystems and /proc/filesystems (as the init sees them) not marked nodev.
sim_fslist() {
  sim_fsl_list=
  for sim_fslf in /etc/filesystems /proc/filesystems; do
    [ -r "$sim_fslf" ] || continue
    while IFS= read -r sim_fsll; do
      case $sim_fsll in nodev[\ \	]*) continue ;; esac
      sim_fsll=${sim_fsll#"${sim_fsll%%[! 	]*}"}
      case $sim_fsll in '' | '#'* | '*'*) continue ;; esac
      sim_fsl_list="$sim_fsl_list $sim_fsll"
    done <"$sim_fslf"
  done
}

# sim_singlemount FSNAME DIR TYPE OPTS: busybox's singlemount (util-linux/mount.c): a regular
# file is attached to a loop device first, a directory with no type is bound, a type list
# is tried in order, no type tries each type busybox finds; on failure it prints
# `mount: mounting FSNAME on DIR failed: ERROR` and returns 255.
sim_singlemount() {
  sim_sf=$1 sim_sd=$2 sim_st=$3
  sim_bb_options "$4"
  sim_given=$4
  sim_rsrc=$sim_sf
  [ "$sim_st" = auto ] && sim_st=
  sim_sloop=
  sim_serr=
  if [ -e "$sim_sf" ] && [ "$sim_fREMOUNT$sim_fBIND$sim_fMOVE" = 000 ]; then
    if [ -f "$sim_sf" ] && ! sim_lookup "$sim_sf"; then
      sim_canon "$sim_sf"
      sim_loop_attach "$SIM_CANON" "$sim_sf"
      sim_sloop=$SIM_LOOP
      sim_sf=$SIM_LOOP
      sim_rsrc=$SIM_LOOP
    elif [ -d "$sim_sf" ] && [ -z "$sim_st" ]; then
      sim_fBIND=1
    fi
  elif [ ! -e "$sim_sf" ]; then
    sim_serr='No such file or directory'
  fi
  if [ "$sim_fBIND" = 1 ]; then
    sim_canon "$sim_sf"
    sim_rsrc=$SIM_CANON
  fi
  sim_src=1
  if [ -n "$sim_st" ] || [ "$sim_fREMOUNT$sim_fBIND$sim_fMOVE" != 000 ]; then
    sim_stl=$sim_st,
    while :; do
      sim_sty=${sim_stl%%,*}
      sim_stl=${sim_stl#*,}
      if sim_kmount "$sim_sf" "$sim_sd" "$sim_sty"; then
        sim_src=0
        break
      fi
      [ -n "$sim_stl" ] || break
    done
    sim_serr=$SIM_ERR
  else
    sim_fslist
    for sim_sty in $sim_fsl_list; do
      if sim_kmount "$sim_sf" "$sim_sd" "$sim_sty"; then
        sim_src=0
        break
      fi
      sim_serr=$SIM_ERR
    done
  fi
  if [ "$sim_src" = 0 ]; then
    sim_mt_save
    return 0
  fi
  [ -n "$sim_sloop" ] && sim_loop_detach "$sim_sloop"
  [ "$sim_fNOFAIL" = 1 ] && [ "$sim_serr" = 'No such file or directory' ] && return 0
  printf 'mount: mounting %s on %s failed%s\n' "$sim_sf" "$sim_sd" "${sim_serr:+: $sim_serr}" >&2
  return 255
}

# mount: busybox 1.35's applet. [-rwanfvsi] [-t TYPE] [-o OPT]... [-O OPT] [-T FSTAB]
# [--bind|--move|--OPT…] [SOURCE] [TARGET]
sim_cmd_mount() {
  sim_morig=
  for sim_ma in "$@"; do
    sim_q "$sim_ma"
    sim_morig="$sim_morig $sim_qv"
  done
  # Every --OPT (and a bare --) is an -o option, as for busybox: first, before getopt.
  sim_mcmd=
  sim_margs=
  for sim_ma in "$@"; do
    case $sim_ma in
      --*) sim_opt_append "$sim_mcmd" "${sim_ma#--}"; sim_mcmd=$sim_oa ;;
      *) sim_q "$sim_ma"; sim_margs="$sim_margs $sim_qv" ;;
    esac
  done
  sim_mol='' sim_mtype='' sim_mr=0 sim_mw=0 sim_mall=0 sim_mT=/etc/fstab sim_mn=0 sim_m1='' sim_m2=''
  eval "set -- $sim_margs"
  while [ $# -gt 0 ]; do
    case $1 in
      -?*)
        sim_mcl=${1#-}
        shift
        while [ -n "$sim_mcl" ]; do
          sim_mch=${sim_mcl%"${sim_mcl#?}"}
          sim_mcl=${sim_mcl#?}
          case $sim_mch in
            o | t | O | T)
              if [ -z "$sim_mcl" ]; then
                [ $# -gt 0 ] || { eval "set -- $sim_morig"; sim_real "$@"; }
                sim_mcl=$1
                shift
              fi
              case $sim_mch in
                o) sim_mol="$sim_mol$SIM_NL$sim_mcl" ;;
                t) sim_mtype=$sim_mcl ;;
                T) sim_mT=$sim_mcl ;;
              esac
              sim_mcl=
              ;;
            r) sim_mr=1 ;;
            w) sim_mw=1 ;;
            a) sim_mall=1 ;;
            n | f | v | s | i) ;;
            *) eval "set -- $sim_morig"; sim_real "$@" ;;
          esac
        done
        ;;
      *)
        sim_mn=$((sim_mn + 1))
        if [ "$sim_mn" = 1 ]; then sim_m1=$1; else sim_m2=$1; fi
        shift
        ;;
    esac
  done
  if [ "$sim_mn" -gt 2 ]; then
    eval "set -- $sim_morig"
    sim_real "$@"
  fi
  sim_mrest=$sim_mol
  while [ -n "$sim_mrest" ]; do
    sim_mrest=${sim_mrest#"$SIM_NL"}
    sim_mo1=${sim_mrest%%"$SIM_NL"*}
    sim_mrest=${sim_mrest#"$sim_mo1"}
    sim_opt_append "$sim_mcmd" "$sim_mo1"
    sim_mcmd=$sim_oa
  done
  [ "$sim_mr" = 1 ] && { sim_opt_append "$sim_mcmd" ro; sim_mcmd=$sim_oa; }
  [ "$sim_mw" = 1 ] && { sim_opt_append "$sim_mcmd" rw; sim_mcmd=$sim_oa; }
  if [ "$sim_mn" = 0 ] && [ "$sim_mall" = 0 ]; then
    # The list of mounts: busybox's own, from /proc/mounts as the init sees it.
    eval "set -- $sim_morig"
    sim_real "$@"
  fi
  sim_mt_load
  if [ "$sim_mn" = 2 ]; then
    case $sim_m1 in
      LABEL=*) sim_bb_resolve LABEL "${sim_m1#LABEL=}" && sim_m1=$SIM_PATH ;;
      UUID=*) sim_bb_resolve UUID "${sim_m1#UUID=}" && sim_m1=$SIM_PATH ;;
    esac
    sim_singlemount "$sim_m1" "$sim_m2" "$sim_mtype" "$sim_mcmd"
    return
  fi
  sim_bb_options "$sim_mcmd"
  if [ "$sim_mn" = 1 ] && [ "$sim_fPROP" = 1 ]; then
    if sim_lookup_path "$sim_m1" && ! sim_mt_is_root "$SIM_CANON"; then
      SIM_ERR='Invalid argument'
    fi
    if [ -n "$SIM_ERR" ]; then
      printf 'mount: %s: %s\n' "$sim_m1" "$SIM_ERR" >&2
      return 1
    fi
    return 0
  fi
  [ "$sim_fREMOUNT" = 1 ] && sim_mT=/proc/mounts
  if ! sim_mntent_read "$sim_mT"; then
    printf "mount: can't read '%s': No such file or directory\n" "$sim_mT" >&2
    return 1
  fi
  if [ "$sim_mn" = 1 ]; then
    sim_abs "$sim_m1"
    sim_mfound=0
    sim_mi=1
    while [ "$sim_mi" -le "$sim_en" ]; do
      eval "sim_mef=\$sim_ef_$sim_mi sim_med=\$sim_ed_$sim_mi"
      if [ "$sim_mef" = "$sim_m1" ] || [ "$sim_mef" = "$SIM_ABS" ] || [ "$sim_med" = "$sim_m1" ] || [ "$sim_med" = "$SIM_ABS" ]; then
        sim_mfound=$sim_mi
      fi
      sim_mi=$((sim_mi + 1))
    done
    if [ "$sim_mfound" = 0 ]; then
      printf "mount: can't find %s in %s\n" "$sim_m1" "$sim_mT" >&2
      return 1
    fi
    eval "sim_mef=\$sim_ef_$sim_mfound sim_med=\$sim_ed_$sim_mfound sim_met=\$sim_et_$sim_mfound sim_meo=\$sim_eo_$sim_mfound"
    sim_opt_append "$sim_meo" "$sim_mcmd"
    sim_singlemount "$sim_mef" "$sim_med" "$sim_met" "$sim_oa"
    return
  fi
  # mount -a: every fstab entry not mounted yet (not noauto, not swap), counting failures.
  sim_mfail=0
  sim_mi=1
  while [ "$sim_mi" -le "$sim_en" ]; do
    eval "sim_mef=\$sim_ef_$sim_mi sim_med=\$sim_ed_$sim_mi sim_met=\$sim_et_$sim_mi sim_meo=\$sim_eo_$sim_mi"
    sim_mi=$((sim_mi + 1))
    case ,$sim_meo, in *,noauto,* | *,sw,* | *,swap,*) continue ;; esac
    [ "$sim_met" = swap ] && continue
    if [ -n "$sim_mtype" ]; then
      case ,$sim_mtype, in *",$sim_met,"*) ;; *) continue ;; esac
    fi
    sim_abs "$sim_med"
    sim_mt_is_root "$SIM_ABS" && [ "$SIM_MC" != 1 ] && continue
    case $sim_mef in
      LABEL=*) sim_bb_resolve LABEL "${sim_mef#LABEL=}" && sim_mef=$SIM_PATH ;;
      UUID=*) sim_bb_resolve UUID "${sim_mef#UUID=}" && sim_mef=$SIM_PATH ;;
    esac
    sim_singlemount "$sim_mef" "$sim_med" "$sim_met" "$sim_meo" || sim_mfail=$((sim_mfail + 1))
  done
  return "$sim_mfail"
}

# umount: busybox 1.35's applet. [-rlfda] [-t FSTYPE] FILESYSTEM|DIRECTORY...
sim_cmd_umount() {
  sim_ulazy=0 sim_uall=0 sim_urem=0 sim_utype='' sim_un=0 sim_uops=''
  sim_uorig=
  for sim_ua in "$@"; do
    sim_q "$sim_ua"
    sim_uorig="$sim_uorig $sim_qv"
  done
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; while [ $# -gt 0 ]; do sim_q "$1"; sim_uops="$sim_uops $sim_qv"; shift; done; break ;;
      -?*)
        sim_ucl=${1#-}
        shift
        while [ -n "$sim_ucl" ]; do
          sim_uch=${sim_ucl%"${sim_ucl#?}"}
          sim_ucl=${sim_ucl#?}
          case $sim_uch in
            l) sim_ulazy=1 ;;
            a) sim_uall=1 ;;
            r) sim_urem=1 ;;
            f | d | n | c | v | i) ;;
            t)
              if [ -z "$sim_ucl" ]; then
                [ $# -gt 0 ] || { eval "set -- $sim_uorig"; sim_real "$@"; }
                sim_ucl=$1
                shift
              fi
              sim_utype=$sim_ucl
              sim_ucl=
              ;;
            *) eval "set -- $sim_uorig"; sim_real "$@" ;;
          esac
        done
        ;;
      *)
        sim_q "$1"
        sim_uops="$sim_uops $sim_qv"
        sim_un=$((sim_un + 1))
        shift
        ;;
    esac
  done
  if [ "$sim_un" = 0 ] && [ "$sim_uall" = 0 ]; then
    eval "set -- $sim_uorig"
    sim_real "$@"
  fi
  sim_mt_load
  # What busybox matches names against: /proc/mounts as the init sees it, newest first.
  sim_mntent_read /proc/mounts || sim_en=0
  sim_ustatus=0
  if [ "$sim_uall" = 1 ]; then
    sim_ui=$sim_en
    while [ "$sim_ui" -gt 0 ]; do
      eval "sim_ud=\$sim_ed_$sim_ui sim_ut=\$sim_et_$sim_ui"
      sim_ui=$((sim_ui - 1))
      if [ -n "$sim_utype" ]; then
        case ,$sim_utype, in *",$sim_ut,"*) ;; *) continue ;; esac
      fi
      sim_umount_one "$sim_ud" "$sim_ud" || sim_ustatus=1
    done
    sim_mt_save
    return "$sim_ustatus"
  fi
  eval "set -- $sim_uops"
  for sim_ua in "$@"; do
    sim_upath=
    sim_umatched=0
    if [ -e "$sim_ua" ]; then
      sim_canon "$sim_ua"
      sim_upath=$SIM_CANON
      sim_ui=$sim_en
      while [ "$sim_ui" -gt 0 ]; do
        eval "sim_uf=\$sim_ef_$sim_ui sim_ud=\$sim_ed_$sim_ui sim_ut=\$sim_et_$sim_ui"
        sim_ui=$((sim_ui - 1))
        if [ -n "$sim_utype" ]; then
          case ,$sim_utype, in *",$sim_ut,"*) ;; *) continue ;; esac
        fi
        # The first entry naming it (as a directory or a device), then, like busybox, every
        # older one naming it as the device: a device is unmounted everywhere.
        if [ "$sim_uf" = "$sim_upath" ] || { [ "$sim_umatched" = 0 ] && [ "$sim_ud" = "$sim_upath" ]; }; then
          sim_umatched=1
          sim_umount_one "$sim_ud" "$sim_uf" || sim_ustatus=1
        fi
      done
    fi
    if [ "$sim_umatched" = 0 ]; then
      sim_umount_one "$sim_ua" '' || sim_ustatus=1
    fi
  done
  sim_mt_save
  return "$sim_ustatus"
}

# sim_umount_one PATH DEVICE: one umount2(2) for busybox umount, with its messages; DEVICE is
# what /proc/mounts named there (for -r), "" when PATH was not found there.
sim_umount_one() {
  if sim_kumount "$1" "$sim_ulazy"; then
    return 0
  fi
  if [ "$sim_urem" = 1 ] && [ "$SIM_ERR" = 'Device or resource busy' ] && [ -n "$2" ]; then
    sim_mt_is_root "$SIM_CANON"
    eval "SIM_MRO_$SIM_MC=1"
    printf 'umount: %s busy - remounted read-only\n' "$2" >&2
    return 0
  fi
  printf "umount: can't unmount %s: %s\n" "$1" "$SIM_ERR" >&2
  return 1
}

# mountpoint (util-linux's; busybox-static has none): [-q] [-d] [-x] DIR|DEVICE. 0 for a
# mount point, 32 for anything else, 1 when it cannot be looked at.
sim_cmd_mountpoint() {
  sim_pq=0 sim_pd=0 sim_px=0 sim_pn=0 sim_parg=
  for sim_pa in "$@"; do
    case $sim_pa in
      -q | --quiet) sim_pq=1 ;;
      -d | --fs-devno) sim_pd=1 ;;
      -x | --devno) sim_px=1 ;;
      -*) printf "mountpoint: invalid option -- '%s'\nTry 'mountpoint --help' for more information.\n" "${sim_pa#-}" >&2; return 1 ;;
      *) sim_pn=$((sim_pn + 1)) sim_parg=$sim_pa ;;
    esac
  done
  if [ "$sim_pn" != 1 ]; then
    printf "mountpoint: bad usage\nTry 'mountpoint --help' for more information.\n" >&2
    return 1
  fi
  if [ ! -e "$sim_parg" ]; then
    [ "$sim_pq" = 1 ] || printf 'mountpoint: %s: No such file or directory\n' "$sim_parg" >&2
    return 1
  fi
  if [ "$sim_px" = 1 ]; then
    if sim_lookup "$sim_parg"; then
      printf '%s\n' "$SIM_DEVNO"
      return 0
    fi
    [ "$sim_pq" = 1 ] || printf 'mountpoint: %s: not a block device\n' "$sim_parg" >&2
    return 1
  fi
  sim_mt_load
  sim_canon "$sim_parg"
  if sim_mt_is_root "$SIM_CANON"; then
    if [ "$sim_pd" = 1 ]; then
      eval "printf '%s\n' \"\$SIM_MD_$SIM_MC\""
    elif [ "$sim_pq" = 0 ]; then
      printf '%s is a mountpoint\n' "$sim_parg"
    fi
    return 0
  fi
  [ "$sim_pq" = 1 ] || printf '%s is not a mountpoint\n' "$sim_parg"
  return 32
}

# Modelled contents. A mount of a filesystem whose files the scenario gives (KIND dIDX) is
# really a bind of SIM_DISKS/IDX on its mount point, so the init sees those files there and,
# once it is unmounted, the fake root's own again; a bind of a path below such a mount (KIND
# r:SOURCE) is really bound too. $SIM_STATE/dplaces records where each of these real mounts
# is (SIM_DP_<mount ID>, listed in SIM_DPL). After every change of the table, sim_disk_sync
# makes the real mounts follow it: a new entry is bound, a moved one moved (what is below it
# comes along), one no longer in the table lazily unmounted. The harness's pseudo filesystems
# below a moved or unmounted one are not followed (their places are their own, sim_pfs_sync).

# sim_disk_under PATH: whether PATH is on a mount that really shows modelled contents.
sim_disk_under() {
  sim_mt_cover "$1"
  eval "sim_duk=\$SIM_MK_$SIM_MC"
  case $sim_duk in
    d* | r:*) return 0 ;;
  esac
  return 1
}

sim_disk_sync() {
  SIM_DPL=''
  # shellcheck disable=SC1091 # written below
  [ -f "$SIM_STATE/dplaces" ] && . "$SIM_STATE/dplaces"
  sim_dchanged=0
  # Gone from the table: unmounted (lazily: whatever is below goes too).
  sim_dkeep=''
  for sim_did in $SIM_DPL; do
    eval "sim_dplace=\$SIM_DP_$sim_did"
    sim_dalive=0
    sim_di=1
    while [ "$sim_di" -le "$SIM_MN" ]; do
      eval "sim_dx=\$SIM_MX_$sim_di sim_dmi=\$SIM_MI_$sim_di"
      [ "$sim_dx" = 0 ] && [ "$sim_dmi" = "$sim_did" ] && sim_dalive=1
      sim_di=$((sim_di + 1))
    done
    if [ "$sim_dalive" = 1 ]; then
      sim_dkeep="$sim_dkeep $sim_did"
    else
      "$SIM_BB" umount -l "$sim_dplace" 2>>"$SIM_STATE/errors"
      sim_dchanged=1
    fi
  done
  SIM_DPL=$sim_dkeep
  # Live entries, in the table's order (a moved subtree comes after its parent).
  sim_di=1
  while [ "$sim_di" -le "$SIM_MN" ]; do
    eval "sim_dx=\$SIM_MX_$sim_di sim_dk=\$SIM_MK_$sim_di sim_dmi=\$SIM_MI_$sim_di sim_dtgt=\$SIM_MT_$sim_di"
    sim_di=$((sim_di + 1))
    [ "$sim_dx" = 0 ] || continue
    case $sim_dk in
      d* | r:*) ;;
      *) continue ;;
    esac
    case " $SIM_DPL " in
      *" $sim_dmi "*)
        eval "sim_dplace=\$SIM_DP_$sim_dmi"
        [ "$sim_dplace" = "$sim_dtgt" ] && continue
        [ -d "$sim_dtgt" ] || sim_helper mkdir -p "$sim_dtgt" 2>>"$SIM_STATE/errors"
        sim_helper mount -n --move "$sim_dplace" "$sim_dtgt" 2>>"$SIM_STATE/errors" || continue
        # What was below it came along.
        for sim_dj in $SIM_DPL; do
          eval "sim_djp=\$SIM_DP_$sim_dj"
          case $sim_djp in
            "$sim_dplace"/*) eval "SIM_DP_$sim_dj=\$sim_dtgt\${sim_djp#\"\$sim_dplace\"}" ;;
          esac
        done
        ;;
      *)
        case $sim_dk in
          d*) sim_dsrc=$SIM_DISKS/${sim_dk#d} ;;
          *) sim_dsrc=${sim_dk#r:} ;;
        esac
        sim_helper mount -n --bind "$sim_dsrc" "$sim_dtgt" 2>>"$SIM_STATE/errors" || continue
        SIM_DPL="$SIM_DPL $sim_dmi"
        ;;
    esac
    eval "SIM_DP_$sim_dmi=\$sim_dtgt"
    sim_dchanged=1
  done
  [ "$sim_dchanged" = 1 ] || return 0
  sim_dout="SIM_DPL='$SIM_DPL'$SIM_NL"
  for sim_did in $SIM_DPL; do
    eval "sim_q \"\$SIM_DP_$sim_did\""
    sim_dout="${sim_dout}SIM_DP_$sim_did=$sim_qv$SIM_NL"
  done
  printf '%s' "$sim_dout" >"$SIM_STATE/dplaces"
}
