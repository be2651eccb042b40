# Runs as PID 1 of fresh user, mount and PID namespaces, still with the host's files:
# mounts what the fake root needs, then becomes the init (chroot + exec, same PID 1).
# Every mount here is private to the new mount namespace.
#
# Environment: INITSH_SIM_WORK, INITSH_SIM_KIT (the kit dir), INITSH_SIM_BLOCK (a host
# block device node to stand for every simulated device, or empty), INITSH_SIM_SHELL (dash
# or busybox: what runs the init).

set -eu
work=$INITSH_SIM_WORK
root=$work/root

# Refuse to touch anything unless we really are in a new PID (hence mount) namespace.
if [ "$$" != 1 ]; then
  echo "inner.sh: not PID 1 of a new namespace; refusing to mount anything" >&2
  exit 125
fi

# Our PID as the host sees it (this /proc is still the host's): the watcher outside kills
# the machine through it. (unshare --kill-child alone is not enough: the kernel clears
# the parent-death signal when an unprivileged user becomes root of the new namespace.)
read -r host_pid _ </proc/self/stat
printf '%s\n' "$host_pid" >"$work/init.pid"

mount --bind -o ro "$INITSH_SIM_KIT" "$root/.sim/kit"
# The fake /proc, /sys and /dev are mounts, so that the init can move or unmount them and
# leave the empty directory below (sh/shim/mounts.sh). Before the binds that follow, which
# then sit on /dev's mount and move with it.
for fs in proc sys dev; do
  mount --bind "$root/.sim/pfs/$fs" "$root/$fs"
done
mount --bind /dev/null "$root/dev/null"
# A character node the mknod shim can bind on a node it makes (see sh/shim/commands.sh).
mount --bind /dev/null "$root/.sim/null"
# /proc/self/fd/0 is mount's own stdin: the pty script(1) made (saves running tty).
mount --bind /proc/self/fd/0 "$root/dev/console"
if [ -n "$INITSH_SIM_BLOCK" ]; then
  mount --bind "$INITSH_SIM_BLOCK" "$root/.sim/blk"
  while IFS= read -r node; do
    mount --bind "$INITSH_SIM_BLOCK" "$root$node"
  done <"$work/initial-nodes"
fi

# Output bytes reach the capture unchanged (no \n -> \r\n); script(1) already turned
# echo off, so console input is not copied into the output.
stty -onlcr

# init-env sets the positional parameters to the init's environment (NAME=value ...).
# shellcheck disable=SC1091
. "$work/init-env"
chroot_bin=$(command -v chroot)
env_bin=$(command -v env)
: >"$work/ready"
exec 2>&1
if [ "$INITSH_SIM_SHELL" = busybox ]; then
  exec "$env_bin" -i "$@" "$chroot_bin" "$root" /.sim/kit/bin/busybox sh /init
fi
exec "$env_bin" -i "$@" "$chroot_bin" "$root" /.sim/kit/bin/dash /init
