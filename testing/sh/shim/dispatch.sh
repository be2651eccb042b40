# sim_run NAME ARGS...: the body of every shim. Traces the call, applies the scenario's
# command overrides, then the default behaviour of NAME, and exits with its status. A file
# utility runs busybox's applet; a generic command just succeeds; the models of the other
# commands (sh/models.sh in the kit) are loaded only for them.
sim_run() {
  set -f
  sim_name=$1
  sim_trace "$@"
  if sim_override "$@"; then
    exit "$SIM_OV_STATUS"
  fi
  shift
  if sim_file_applet "$sim_name"; then
    sim_cmd_file_applet "$@"
  fi
  # busybox answers a lone --help itself, before the applet: its usage, status 0.
  if [ $# = 1 ] && [ "$1" = --help ]; then
    case $sim_name in
      mount | umount | findfs | losetup | modprobe | sleep | usleep | switch_root | chroot | pivot_root | reboot | poweroff | \
        halt | mknod | setsid | cttyhack | free)
        # (util-linux's findfs and losetup have their own --help.)
        case $SIM_UTIL_LINUX:$sim_name in
          1:findfs | 1:losetup) ;;
          *) sim_real --help ;;
        esac
        ;;
    esac
  fi
  case $sim_name in
    mount | umount | blkid | findfs | cryptsetup | lvm | vgchange | lvchange | vgscan | pvscan | vgs | lvs | pvs | mdadm | \
      dmraid | losetup | modprobe | sleep | usleep | sh | ash | switch_root | chroot | pivot_root | reboot | poweroff | \
      halt | mknod | mountpoint | setsid | cttyhack | nohup | busybox | free)
      # shellcheck disable=SC1091 # the kit's models (testing/sh/shim: mounts.sh … commands.sh)
      . "$SIM_KIT/sh/models.sh"
      ;;
    *) exit 0 ;;
  esac
  case $sim_name in
    mount) sim_cmd_mount "$@" ;;
    umount) sim_cmd_umount "$@" ;;
    blkid) sim_cmd_blkid "$@" ;;
    findfs) sim_cmd_findfs "$@" ;;
    cryptsetup) sim_cmd_cryptsetup "$@" ;;
    lvm) sim_cmd_lvm "$@" ;;
    vgchange | lvchange | vgscan | pvscan | vgs | lvs | pvs) sim_cmd_lvm "$sim_name" "$@" ;;
    mdadm) sim_cmd_mdadm "$@" ;;
    dmraid) sim_cmd_dmraid "$@" ;;
    losetup) sim_cmd_losetup "$@" ;;
    modprobe) sim_cmd_modprobe "$@" ;;
    sleep) sim_cmd_sleep "$@" ;;
    usleep) sim_cmd_usleep "$@" ;;
    sh | ash) sim_cmd_sh "$@" ;;
    switch_root) sim_cmd_switch_root "$@" ;;
    chroot) sim_cmd_chroot "$@" ;;
    pivot_root) sim_cmd_pivot_root "$@" ;;
    reboot | poweroff | halt) sim_cmd_halt "$@" ;;
    mknod) sim_cmd_mknod "$@" ;;
    mountpoint) sim_cmd_mountpoint "$@" ;;
    setsid | cttyhack | nohup | busybox) sim_cmd_wrapper "$@" ;;
    free) sim_cmd_free "$@" ;;
  esac
  exit
}
